using DanVan.Plugins.Grpc.Internal;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Server;

internal static class ServerMessages
{
    /// <summary>Reads the one request message of a unary or server-streaming call and checks nothing follows it.</summary>
    public static async Task<T> ReadSingleAsync<T>(HttpServerCallContext context, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var reader = context.HttpContext.Request.BodyReader;
        var message = await MessageReader.ReadAsync(reader, parser, context.RequestEncoding, context.MaxReceiveMessageSize, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.Internal, "Request did not include a message."));
        if (await MessageReader.ReadAsync(reader, parser, context.RequestEncoding, context.MaxReceiveMessageSize, context.CancellationToken) is not null)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Additional data after the message received."));
        }

        return message;
    }
}
