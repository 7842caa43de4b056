namespace DanVan.Plugins.Grpc;

/// <summary>Thrown by a server handler to end the call with a status, and by a client when a call ends with a non-OK status.</summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates an exception for the status with no trailers.</summary>
    public RpcException(Status status)
        : this(status, Metadata.Empty, null)
    {
    }

    /// <summary>Creates an exception for the status with trailers (e.g. <c>grpc-status-details-bin</c>).</summary>
    public RpcException(Status status, Metadata trailers)
        : this(status, trailers, null)
    {
    }

    /// <summary>Creates an exception for the status with trailers and a local message.</summary>
    public RpcException(Status status, Metadata trailers, string? message)
        : base(message ?? status.ToString(), status.DebugException)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        Status = status;
        Trailers = trailers;
    }

    /// <summary>The status of the call.</summary>
    public Status Status { get; }

    /// <summary>The status code of the call.</summary>
    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>The trailing metadata sent or received with the status.</summary>
    public Metadata Trailers { get; }
}
