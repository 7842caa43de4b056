using System.Collections.Concurrent;
using DanVan.Plugins.Grpc.Client;

namespace DanVan.Plugins.Grpc;

/// <summary>
/// A connection to a gRPC server over HTTP/2: <c>http://</c> for h2c (prior knowledge),
/// <c>https://</c> for TLS with ALPN. Calls share its pooled connections; create one per
/// server and reuse it.
/// </summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly ConcurrentDictionary<string, Uri> _uris = new(StringComparer.Ordinal);
    private readonly bool _disposeHandler;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
        : base(address.Authority)
    {
        Address = address;
        Options = options;
        var handler = options.HttpHandler;
        _disposeHandler = handler is null || options.DisposeHttpHandler;
        handler ??= CreateHandler(options);
        Invoker = new HttpMessageInvoker(handler, disposeHandler: _disposeHandler);
        var invoker = new HttpClientCallInvoker(this);
        CallInvoker = options.Interceptors.Count == 0 ? invoker : invoker.Intercept([.. options.Interceptors]);
    }

    /// <summary>The server address.</summary>
    public Uri Address { get; }

    internal GrpcChannelOptions Options { get; }

    internal HttpMessageInvoker Invoker { get; }

    internal CallInvoker CallInvoker { get; }

    /// <summary>Creates a channel to the address, e.g. <c>http://127.0.0.1:5051</c>.</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address ?? throw new ArgumentNullException(nameof(address))), options);

    /// <summary>Creates a channel to the address.</summary>
    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must use http:// (h2c) or https:// (TLS).", nameof(address));
        }

        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    /// <inheritdoc />
    public override CallInvoker CreateCallInvoker() => CallInvoker;

    /// <summary>Closes the channel's connections (when it owns its handler).</summary>
    public void Dispose() => Invoker.Dispose();

    internal Uri GetUri(IMethod method) => _uris.GetOrAdd(method.FullName, static (path, address) => new Uri(address, path), Address);

    private static SocketsHttpHandler CreateHandler(GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
        };
        if (options.ClientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [options.ClientCertificate];
        }

        if (options.ServerCertificateValidation is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = options.ServerCertificateValidation;
        }

        return handler;
    }
}
