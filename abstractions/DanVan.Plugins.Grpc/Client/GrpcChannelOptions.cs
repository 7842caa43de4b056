using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DanVan.Plugins.Grpc;

/// <summary>Settings of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>The handler that sends the HTTP/2 requests (e.g. a TestServer handler). Null creates a pooled <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Dispose <see cref="HttpHandler"/> with the channel. Defaults to false for a handler you pass, true for the channel's own.</summary>
    public bool DisposeHttpHandler { get; set; }

    /// <summary>Largest response message accepted, in bytes; larger ones end the call with RESOURCE_EXHAUSTED. Null removes the limit. Defaults to 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request message sent, in bytes. Null (the default) removes the limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Compress request messages with this algorithm ("gzip"). Null (the default) sends them uncompressed.</summary>
    public string? CompressionAlgorithm { get; set; }

    /// <summary>Credentials added to every call, e.g. <see cref="CallCredentials.FromBearerToken"/>.</summary>
    public CallCredentials? Credentials { get; set; }

    /// <summary>Retries for idempotent unary calls; null (the default) never retries.</summary>
    public RetryPolicy? RetryPolicy { get; set; }

    /// <summary>Interceptors every call goes through, outermost first.</summary>
    public IList<Interceptor> Interceptors { get; } = [];

    /// <summary>The clock for deadlines and retry backoff. Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A client certificate presented to the server for mutual TLS (only with the channel's own handler).</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>Validates the server's certificate (only with the channel's own handler); null uses the system's trust store.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }
}
