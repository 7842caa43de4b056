using System.Buffers;
using System.Buffers.Binary;

namespace DanVan.Plugins.Grpc.Internal;

/// <summary>
/// gRPC's Length-Prefixed-Message framing: a compressed-flag byte, a big-endian uint32
/// length, then the message bytes. Pure functions over buffers, so they can be tested
/// property by property.
/// </summary>
internal static class Framing
{
    /// <summary>
    /// Reads one frame from the start of <paramref name="buffer"/>. On <see cref="FrameReadResult.Complete"/>
    /// the buffer is advanced past the frame; otherwise it is left as it was.
    /// </summary>
    public static FrameReadResult TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> payload, out uint declaredLength)
    {
        compressed = false;
        payload = default;
        declaredLength = 0;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return FrameReadResult.Incomplete;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        var flag = header[0];
        if (flag > 1)
        {
            return FrameReadResult.InvalidFlag;
        }

        declaredLength = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (declaredLength > (uint)maxMessageSize)
        {
            return FrameReadResult.TooLarge;
        }

        if (buffer.Length - GrpcProtocol.HeaderSize < declaredLength)
        {
            return FrameReadResult.Incomplete;
        }

        compressed = flag == 1;
        payload = buffer.Slice(GrpcProtocol.HeaderSize, declaredLength);
        buffer = buffer.Slice(payload.End);
        return FrameReadResult.Complete;
    }

    /// <summary>Writes the 5-byte frame header.</summary>
    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    /// <summary>Writes a whole frame (header and payload) into a buffer writer.</summary>
    public static void WriteFrame(IBufferWriter<byte> writer, ReadOnlySpan<byte> payload, bool compressed)
    {
        var span = writer.GetSpan(GrpcProtocol.HeaderSize + payload.Length);
        WriteHeader(span, compressed, payload.Length);
        payload.CopyTo(span[GrpcProtocol.HeaderSize..]);
        writer.Advance(GrpcProtocol.HeaderSize + payload.Length);
    }
}
