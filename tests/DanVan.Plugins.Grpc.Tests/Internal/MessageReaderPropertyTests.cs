using System.IO.Pipelines;
using DanVan.Plugins.Grpc.Internal;
using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Tests.Internal;

public sealed class MessageReaderPropertyTests
{
    private static readonly Config Config200 = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static Gen<(EchoRequest Message, bool Compressed)> Messages() =>
        from text in Gen.Elements("", "a", "hello", "✓ unicode", new string('x', 300))
        from payload in FramingPropertyTests.Bytes(400)
        from index in Gen.Choose(0, 1000)
        from compressed in Gen.Elements(true, false)
        select (new EchoRequest { Message = text, Payload = ByteString.CopyFrom(payload), ResponseSize = index }, compressed);

    private static byte[] Encode(IEnumerable<(EchoRequest Message, bool Compressed)> messages) =>
        FramingPropertyTests.FrameAll(messages.Select(m => m.Compressed
            ? (RawGrpc.Gzip(m.Message.ToByteArray()), true)
            : (m.Message.ToByteArray(), false)));

    /// <summary>Feeds the chunks into a pipe (flushing each) while MessageReader reads; returns what it read and how it ended.</summary>
    private static (List<EchoRequest> Read, Exception? Error) ReadAll(List<byte[]> chunks) =>
        Task.Run(async () =>
        {
            var pipe = new Pipe();
            var writer = Task.Run(async () =>
            {
                foreach (var chunk in chunks)
                {
                    await pipe.Writer.WriteAsync(chunk);
                }

                await pipe.Writer.CompleteAsync();
            });
            var read = new List<EchoRequest>();
            Exception? error = null;
            try
            {
                while (await MessageReader.ReadAsync(pipe.Reader, EchoRequest.Parser, "gzip", 1024 * 1024, CancellationToken.None) is { } message)
                {
                    read.Add(message);
                }
            }
            catch (Exception ex)
            {
                error = ex;
            }

            await pipe.Reader.CompleteAsync();
            await writer;
            return (read, error);
        }).GetAwaiter().GetResult();

    [Fact]
    public void ReadAsync_MessagesFedInArbitraryChunks_SameMessagesInOrderThenEnd()
    {
        var gen =
            from messages in Gen.ListOf(Messages())
            from sizes in FramingPropertyTests.ChunkSizes()
            select (messages, sizes);

        Check.One(Config200, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (messages, sizes) = input;

            var (read, error) = ReadAll(Chunks.Split(Encode(messages), sizes));

            Assert.Null(error);
            Assert.Equal(messages.Select(m => m.Message), read);
        }));
    }

    [Fact]
    public void ReadAsync_StreamCutShort_WholeMessagesThenCleanEndOrInternal()
    {
        var gen =
            from messages in Gen.NonEmptyListOf(Messages())
            let frames = messages.Select(m => Encode([m])).ToList()
            let bytes = frames.SelectMany(f => f).ToArray()
            from cut in Gen.Choose(0, bytes.Length - 1)
            from sizes in FramingPropertyTests.ChunkSizes()
            select (messages, frames, bytes, cut, sizes);

        Check.One(Config200, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var (messages, frames, bytes, cut, sizes) = input;

            var (read, error) = ReadAll(Chunks.Split(bytes[..cut], sizes));

            var boundaries = new List<int> { 0 };
            foreach (var frame in frames)
            {
                boundaries.Add(boundaries[^1] + frame.Length);
            }

            var whole = boundaries.Count(b => b <= cut) - 1;
            Assert.Equal(messages.Take(whole).Select(m => m.Message), read);
            if (boundaries.Contains(cut))
            {
                Assert.Null(error);
            }
            else
            {
                var rpc = Assert.IsType<RpcException>(error);
                Assert.Equal(new Status(StatusCode.Internal, "Incomplete message: the stream ended inside a message frame."), rpc.Status);
            }
        }));
    }

    [Fact]
    public async Task ReadAsync_MessageOverMax_ResourceExhaustedBeforeBodyArrives()
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(RawGrpc.Frame([], declaredLength: 101));

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await MessageReader.ReadAsync(pipe.Reader, EchoRequest.Parser, null, 100, CancellationToken.None));

        Assert.Equal(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size (101 > 100 bytes)."), ex.Status);
    }

    [Fact]
    public async Task ReadAsync_NullMax_NoLimit()
    {
        var pipe = new Pipe();
        var message = new EchoRequest { Payload = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) };
        var writing = Task.Run(async () =>
        {
            await pipe.Writer.WriteAsync(RawGrpc.Frame(message));
            await pipe.Writer.CompleteAsync();
        });

        var read = await MessageReader.ReadAsync(pipe.Reader, EchoRequest.Parser, null, null, CancellationToken.None);
        await writing;

        Assert.Equal(message, read);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_ThrowsOperationCanceled()
    {
        var pipe = new Pipe();
        using var cts = new CancellationTokenSource();

        var read = MessageReader.ReadAsync(pipe.Reader, EchoRequest.Parser, null, null, cts.Token).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
    }
}
