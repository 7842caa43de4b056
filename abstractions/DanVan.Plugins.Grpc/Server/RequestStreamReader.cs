using DanVan.Plugins.Grpc.Internal;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Server;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
internal sealed class RequestStreamReader<T>(HttpServerCallContext context, MessageParser<T> parser) : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.CancellationToken)
            : null;
        var token = linked?.Token ?? context.CancellationToken;
        _current = await MessageReader.ReadAsync(context.HttpContext.Request.BodyReader, parser, context.RequestEncoding, context.MaxReceiveMessageSize, token);
        return _current is not null;
    }
}
