using System.Buffers;

namespace DanVan.Plugins.Grpc.Tests.Infrastructure;

/// <summary>Splits bytes into a multi-segment <see cref="ReadOnlySequence{T}"/> at chosen boundaries.</summary>
public static class Chunks
{
    /// <summary>Cuts <paramref name="data"/> into pieces of the given sizes, cycling through them (0 makes an empty segment).</summary>
    public static List<byte[]> Split(byte[] data, IReadOnlyList<int> sizes)
    {
        var pieces = new List<byte[]>();
        if (sizes.Count == 0 || sizes.All(s => s <= 0))
        {
            sizes = [1];
        }

        var offset = 0;
        for (var i = 0; offset < data.Length; i++)
        {
            var size = Math.Min(Math.Max(sizes[i % sizes.Count], 0), data.Length - offset);
            pieces.Add(data.AsSpan(offset, size).ToArray());
            offset += size;
        }

        return pieces;
    }

    public static ReadOnlySequence<byte> ToSequence(IReadOnlyList<byte[]> pieces)
    {
        if (pieces.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(pieces[0], 0);
        var last = first;
        foreach (var piece in pieces.Skip(1))
        {
            last = last.Append(piece);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
