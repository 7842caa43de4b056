using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Security;

/// <summary>
/// Server interceptor that admits a call only with a known bearer token (UNAUTHENTICATED
/// otherwise) and records the caller's name in <see cref="ServerCallContext.UserState"/>
/// under <see cref="CallerKey"/>. Tokens are compared as SHA-256 digests in constant time,
/// every known token each time, so timing tells an attacker nothing.
/// </summary>
public sealed class BearerTokenAuthInterceptor : Interceptor
{
    /// <summary>The <see cref="ServerCallContext.UserState"/> key of the authenticated caller's name.</summary>
    public const string CallerKey = "danvan.caller";

    private readonly (string Caller, byte[] Digest)[] _tokens;
    private readonly HashSet<string> _anonymous;

    /// <summary>Creates the interceptor from the configured tokens.</summary>
    public BearerTokenAuthInterceptor(BearerTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tokens = options.Tokens.Select(t => (t.Key, SHA256.HashData(Encoding.UTF8.GetBytes(t.Value)))).ToArray();
        _anonymous = new HashSet<string>(options.AnonymousServices, StringComparer.Ordinal);
    }

    /// <summary>The caller a server call was authenticated as, or null.</summary>
    public static string? GetCaller(ServerCallContext context) =>
        context is not null && context.UserState.TryGetValue(CallerKey, out var caller) ? caller as string : null;

    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return base.UnaryServerHandler(request, context, continuation);
    }

    /// <inheritdoc />
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return base.ClientStreamingServerHandler(requestStream, context, continuation);
    }

    /// <inheritdoc />
    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return base.ServerStreamingServerHandler(request, responseStream, context, continuation);
    }

    /// <inheritdoc />
    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return base.DuplexStreamingServerHandler(requestStream, responseStream, context, continuation);
    }

    private void Authenticate(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_anonymous.Contains(ServiceOf(context.Method)))
        {
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A bearer token is required (authorization: Bearer <token>)."));
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        string? caller = null;
        foreach (var (name, known) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, known))
            {
                caller = name;
            }
        }

        context.UserState[CallerKey] = caller ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The bearer token is not valid."));
    }

    private static string ServiceOf(string method)
    {
        var slash = method.IndexOf('/', 1);
        return slash > 1 ? method[1..slash] : method;
    }
}
