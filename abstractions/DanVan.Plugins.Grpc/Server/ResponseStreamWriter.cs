using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>The response stream of a server-streaming or duplex call; each message is flushed as written.</summary>
internal sealed class ResponseStreamWriter<T>(HttpServerCallContext context) : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            return WriteLinkedAsync(message, cancellationToken);
        }

        return context.WriteMessageAsync(message, flush: true, context.CancellationToken).AsTask();
    }

    private async Task WriteLinkedAsync(T message, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken);
        await context.WriteMessageAsync(message, flush: true, linked.Token);
    }
}
