namespace DanVan.Plugins.Grpc;

/// <summary>What a server handler knows of, and can set on, the call it serves.</summary>
public abstract class ServerCallContext
{
    /// <summary>Creates a context; used by the server and by test doubles.</summary>
    protected ServerCallContext()
    {
    }

    /// <summary>The HTTP/2 path of the rpc, e.g. <c>/danvan.host.v1.DirectoryService/GetOrgUnit</c>.</summary>
    public abstract string Method { get; }

    /// <summary>The <c>:authority</c> the client called.</summary>
    public abstract string Host { get; }

    /// <summary>The caller's address, e.g. <c>ipv4:127.0.0.1:53120</c>.</summary>
    public abstract string Peer { get; }

    /// <summary>The UTC deadline from <c>grpc-timeout</c>, or <see cref="DateTime.MaxValue"/>.</summary>
    public abstract DateTime Deadline { get; }

    /// <summary>The request headers, without the protocol's own.</summary>
    public abstract Metadata RequestHeaders { get; }

    /// <summary>Cancelled when the client cancels, the deadline passes or the connection drops.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Trailers sent with the status.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status the call ends with when the handler returns normally.</summary>
    public abstract Status Status { get; set; }

    /// <summary>Per-call state shared by interceptors and the handler (e.g. the authenticated principal).</summary>
    public abstract IDictionary<object, object> UserState { get; }

    /// <summary>Sends the response headers now, before the first message; at most once.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
