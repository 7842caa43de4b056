namespace DanVan.Plugins.Grpc;

/// <summary>Writes a stream of messages; a write must finish before the next starts.</summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Writes one message.</summary>
    Task WriteAsync(T message);

    /// <summary>Writes one message, giving up when the token is cancelled.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken);
}
