using System.Buffers;
using DanVan.Plugins.Grpc.Internal;
using DanVan.Plugins.Grpc.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;

namespace DanVan.Plugins.Grpc.Tests.Internal;

public sealed class FramingPropertyTests
{
    private static readonly Config Config200 = Config.QuickThrowOnFailure.WithMaxTest(200);

    internal static Gen<byte[]> Bytes(int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n));

    internal static Gen<(byte[] Payload, bool Compressed)> Frames() =>
        Bytes(300).SelectMany(p => Gen.Elements(true, false), (p, c) => (p, c));

    internal static Gen<int[]> ChunkSizes() => Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 8)), (3, Gen.Choose(9, 400))));

    internal static byte[] FrameAll(IEnumerable<(byte[] Payload, bool Compressed)> frames)
    {
        var writer = new ArrayBufferWriter<byte>();
        foreach (var (payload, compressed) in frames)
        {
            Framing.WriteFrame(writer, payload, compressed);
        }

        return writer.WrittenSpan.ToArray();
    }

    [Fact]
    public void TryReadFrame_FramedPayloadsSplitAnywhere_ReadBackInOrder()
    {
        var gen =
            from frames in Gen.ListOf(Frames())
            from sizes in ChunkSizes()
            select (frames, sizes);

        Check.One(Config200, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (frames, sizes) = input;
            var max = frames.Count == 0 ? 0 : frames.Max(f => f.Payload.Length);
            var buffer = Chunks.ToSequence(Chunks.Split(FrameAll(frames), sizes));
            var read = new List<(byte[], bool)>();
            FrameReadResult result;
            while ((result = Framing.TryReadFrame(ref buffer, max, out var compressed, out var payload, out var declared)) == FrameReadResult.Complete)
            {
                Assert.Equal(payload.Length, declared);
                read.Add((payload.ToArray(), compressed));
            }

            Assert.Equal(FrameReadResult.Incomplete, result);
            Assert.Equal(0, buffer.Length);
            Assert.Equal(frames.Count, read.Count);
            for (var i = 0; i < frames.Count; i++)
            {
                Assert.Equal(frames[i].Payload, read[i].Item1);
                Assert.Equal(frames[i].Compressed, read[i].Item2);
            }
        }));
    }

    [Fact]
    public void TryReadFrame_StrictPrefixOfFramedStream_CompleteFramesThenIncompleteNeverThrows()
    {
        var gen =
            from frames in Gen.NonEmptyListOf(Frames())
            let bytes = FrameAll(frames)
            from cut in Gen.Choose(0, bytes.Length - 1)
            from sizes in ChunkSizes()
            select (frames, bytes, cut, sizes);

        Check.One(Config200, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (frames, bytes, cut, sizes) = input;
            var buffer = Chunks.ToSequence(Chunks.Split(bytes[..cut], sizes));
            var read = new List<byte[]>();
            FrameReadResult result;
            while ((result = Framing.TryReadFrame(ref buffer, int.MaxValue, out _, out var payload, out _)) == FrameReadResult.Complete)
            {
                read.Add(payload.ToArray());
            }

            // Frames that end at or before the cut are read; the one the cut falls in is Incomplete and left unread.
            var ends = 0;
            var whole = frames.TakeWhile(f => (ends += 5 + f.Payload.Length) <= cut).Count();
            var consumed = frames.Take(whole).Sum(f => 5 + f.Payload.Length);
            Assert.Equal(FrameReadResult.Incomplete, result);
            Assert.Equal(whole, read.Count);
            Assert.Equal(frames.Take(whole).Select(f => f.Payload), read);
            Assert.Equal(cut - consumed, buffer.Length);
        }));
    }

    [Fact]
    public void TryReadFrame_DeclaredLengthOverMax_TooLargeAndBufferUntouched()
    {
        var gen =
            from max in Gen.Frequency((3, Gen.Choose(0, 1024)), (1, Gen.Choose(0, int.MaxValue - 1)))
            from declared in FsCheck.FSharp.Gen.Choose64(max + 1L, uint.MaxValue)
            from flag in Gen.Elements<byte>(0, 1)
            from tail in Bytes(16)
            select (max, (uint)declared, flag, tail);

        Check.One(Config200, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (max, declared, flag, tail) = input;
            var bytes = RawGrpc.Frame(tail, flag, declared);
            var buffer = new ReadOnlySequence<byte>(bytes);

            var result = Framing.TryReadFrame(ref buffer, max, out _, out _, out var seen);

            Assert.Equal(FrameReadResult.TooLarge, result);
            Assert.Equal(declared, seen);
            Assert.Equal(bytes.Length, buffer.Length);
        }));
    }

    [Fact]
    public void TryReadFrame_FlagByteAboveOne_InvalidFlag()
    {
        var gen = Gen.Choose(2, 255).SelectMany(_ => Bytes(20), (flag, payload) => ((byte)flag, payload));

        Check.One(Config200, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var buffer = new ReadOnlySequence<byte>(RawGrpc.Frame(input.payload, input.Item1));
            Assert.Equal(FrameReadResult.InvalidFlag, Framing.TryReadFrame(ref buffer, int.MaxValue, out _, out _, out _));
        }));
    }

    [Fact]
    public void WriteHeader_Example_FlagThenBigEndianLength()
    {
        var header = new byte[5];

        Framing.WriteHeader(header, compressed: true, 0x01020304);

        Assert.Equal(new byte[] { 1, 1, 2, 3, 4 }, header);
    }

    [Fact]
    public void TryReadFrame_EmptyPayloadFrame_Complete()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 0, 0, 9 });

        var result = Framing.TryReadFrame(ref buffer, 0, out var compressed, out var payload, out var declared);

        Assert.Equal(FrameReadResult.Complete, result);
        Assert.False(compressed);
        Assert.Equal(0, payload.Length);
        Assert.Equal(0u, declared);
        Assert.Equal(new byte[] { 9 }, buffer.ToArray());
    }
}
