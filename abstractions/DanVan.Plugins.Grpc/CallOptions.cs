namespace DanVan.Plugins.Grpc;

/// <summary>Per-call options: request headers, deadline and cancellation.</summary>
public readonly struct CallOptions
{
    /// <summary>Creates call options.</summary>
    public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>Request headers to send, or null.</summary>
    public Metadata? Headers { get; }

    /// <summary>The UTC time by which the call must complete, or null for none.</summary>
    public DateTime? Deadline { get; }

    /// <summary>Cancels the call; the server sees the cancellation too.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>A copy with other headers.</summary>
    public CallOptions WithHeaders(Metadata? headers) => new(headers, Deadline, CancellationToken);

    /// <summary>A copy with another deadline.</summary>
    public CallOptions WithDeadline(DateTime? deadline) => new(Headers, deadline, CancellationToken);

    /// <summary>A copy with another cancellation token.</summary>
    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => new(Headers, Deadline, cancellationToken);
}
