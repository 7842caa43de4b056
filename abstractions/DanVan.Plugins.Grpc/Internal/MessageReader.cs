using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Internal;

/// <summary>Reads length-prefixed messages from a pipe, enforcing size limits and the encoding rules; shared by server and client.</summary>
internal static class MessageReader
{
    /// <summary>Reads the next message, or returns null at a clean end of stream.</summary>
    public static async ValueTask<T?> ReadAsync<T>(PipeReader reader, MessageParser<T> parser, string? encoding, int? maxMessageSize, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var max = maxMessageSize ?? int.MaxValue;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            switch (Framing.TryReadFrame(ref buffer, max, out var compressed, out var payload, out var length))
            {
                case FrameReadResult.Complete:
                    try
                    {
                        return Parse(parser, payload, compressed, encoding, max);
                    }
                    finally
                    {
                        reader.AdvanceTo(buffer.Start);
                    }

                case FrameReadResult.InvalidFlag:
                    reader.AdvanceTo(buffer.Start);
                    throw new RpcException(new Status(StatusCode.Internal, "Invalid compressed-flag byte in a message frame."));
                case FrameReadResult.TooLarge:
                    reader.AdvanceTo(buffer.Start);
                    throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({length} > {max} bytes)."));
                default:
                    if (result.IsCompleted || result.IsCanceled)
                    {
                        reader.AdvanceTo(buffer.End);
                        if (buffer.Length == 0 && result.IsCompleted)
                        {
                            return null;
                        }

                        throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the stream ended inside a message frame."));
                    }

                    reader.AdvanceTo(buffer.Start, buffer.End);
                    break;
            }
        }
    }

    /// <summary>
    /// Reads a whole stream that must hold exactly one message (a unary request or response): waits
    /// for the end of the stream once, then parses, instead of reading twice. A frame header that is
    /// malformed or declares an oversized message is refused as soon as it arrives.
    /// </summary>
    public static async ValueTask<T?> ReadSingleAsync<T>(PipeReader reader, MessageParser<T> parser, string? encoding, int? maxMessageSize, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var max = maxMessageSize ?? int.MaxValue;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var probe = buffer;
            var frame = Framing.TryReadFrame(ref probe, max, out var compressed, out var payload, out var length);
            if (frame is FrameReadResult.InvalidFlag or FrameReadResult.TooLarge)
            {
                reader.AdvanceTo(buffer.Start);
                throw frame == FrameReadResult.InvalidFlag
                    ? new RpcException(new Status(StatusCode.Internal, "Invalid compressed-flag byte in a message frame."))
                    : new RpcException(new Status(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({length} > {max} bytes)."));
            }

            if (!result.IsCompleted && !result.IsCanceled)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            try
            {
                if (frame == FrameReadResult.Incomplete)
                {
                    return buffer.Length == 0 && result.IsCompleted
                        ? null
                        : throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the stream ended inside a message frame."));
                }

                var message = Parse(parser, payload, compressed, encoding, max);
                return probe.Length == 0
                    ? message
                    : throw new RpcException(new Status(StatusCode.Internal, "Additional data after the message received."));
            }
            finally
            {
                reader.AdvanceTo(buffer.End);
            }
        }
    }

    private static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload, bool compressed, string? encoding, int max)
        where T : IMessage<T>
    {
        if (compressed && !MessageCompression.IsGzip(encoding))
        {
            throw new RpcException(new Status(StatusCode.Internal, "A message has the compressed flag set but the call's grpc-encoding is identity or missing."));
        }

        try
        {
            if (compressed)
            {
                // Inside the try: corrupt gzip data throws InvalidDataException, caught below.
                payload = new ReadOnlySequence<byte>(MessageCompression.Decompress(payload, max)
                    ?? throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size once decompressed.")));
            }

            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize message: " + ex.Message, ex));
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to decompress message: " + ex.Message, ex));
        }
    }
}
