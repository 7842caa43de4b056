using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class CompressionTests
{
    [Fact]
    public async Task EchoAsync_ClientCompressesWithGzip_ServerSeesGzipAndReplies()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient(o => o.CompressionAlgorithm = "gzip");

        var reply = await client.EchoAsync(new EchoRequest { Message = "zipped", Payload = ByteString.CopyFrom(new byte[10_000]) });

        Assert.Equal("gzip", reply.RequestEncoding);
        Assert.Equal("zipped", reply.Message);
        Assert.Equal(10_000, reply.Payload.Length);
    }

    [Fact]
    public async Task ClientStream_ClientCompressesWithGzip_EveryMessageDecoded()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient(o => o.CompressionAlgorithm = "gzip");

        using var call = client.ClientStream();
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "a", Payload = ByteString.CopyFrom(new byte[500]) });
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "b", Payload = ByteString.CopyFrom(new byte[700]) });
        await call.RequestStream.CompleteAsync();
        var reply = await call;

        Assert.Equal("a,b", reply.Message);
        Assert.Equal(1200, reply.Payload.Length);
        Assert.Equal("gzip", reply.RequestEncoding);
    }

    [Fact]
    public async Task RawEcho_ServerCompressesResponses_GrpcEncodingGzipAndCompressedFlag()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { Message = "compress me", ResponseSize = 4096 }));
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "identity, gzip");

        using var response = await RawGrpc.SendAsync(http, request);
        var frame = Assert.Single(RawGrpc.ParseFrames(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal("gzip", RawGrpc.Header(response.Headers, "grpc-encoding"));
        Assert.Equal(1, frame.Flag);
        Assert.True(frame.Payload.Length < 4096);
        var reply = EchoResponse.Parser.ParseFrom(RawGrpc.Gunzip(frame.Payload));
        Assert.Equal("compress me", reply.Message);
        Assert.Equal(4096, reply.Payload.Length);
        Assert.Equal("0", RawGrpc.Header(response.TrailingHeaders, "grpc-status"));
    }

    [Fact]
    public async Task RawEcho_ServerCompressesButClientDoesNotAcceptGzip_ResponseUncompressed()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { Message = "plain" })));
        var frame = Assert.Single(RawGrpc.ParseFrames(await response.Content.ReadAsByteArrayAsync()));

        Assert.Null(RawGrpc.Header(response.Headers, "grpc-encoding"));
        Assert.Equal(0, frame.Flag);
        Assert.Equal("plain", EchoResponse.Parser.ParseFrom(frame.Payload).Message);
    }

    [Fact]
    public async Task EchoAsync_ServerCompressesResponses_TypedClientDecodes()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        var client = host.CreateClient();

        var reply = await client.EchoAsync(new EchoRequest { Message = "decoded", ResponseSize = 8192 });

        Assert.Equal("decoded", reply.Message);
        Assert.Equal(8192, reply.Payload.Length);
    }

    [Fact]
    public async Task ServerStream_ServerCompressesResponses_TypedClientDecodesEveryItem()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.ResponseCompressionAlgorithm = "gzip");
        var client = host.CreateClient(o => o.CompressionAlgorithm = "gzip");

        using var call = client.ServerStream(new StreamRequest { Count = 3, ResponseSize = 1000 });
        var items = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(["item-0", "item-1", "item-2"], items.Select(i => i.Message));
        Assert.All(items, i => Assert.Equal(1000, i.Payload.Length));
    }

    [Fact]
    public async Task RawEcho_GzipRequestFrame_Decompressed()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(RawGrpc.Gzip(new EchoRequest { Message = "by hand" }.ToByteArray()), flag: 1));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");

        using var response = await RawGrpc.SendAsync(http, request);
        var frame = Assert.Single(RawGrpc.ParseFrames(await response.Content.ReadAsByteArrayAsync()));

        var reply = EchoResponse.Parser.ParseFrom(frame.Payload);
        Assert.Equal("by hand", reply.Message);
        Assert.Equal("gzip", reply.RequestEncoding);
    }

    [Fact]
    public async Task RawEcho_UnknownGrpcEncodingSnappy_UnimplementedWithAcceptEncoding()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { Message = "x" }.ToByteArray(), flag: 1));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "snappy");

        using var response = await RawGrpc.SendAsync(http, request);
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("12", status);
        Assert.Equal("Unsupported grpc-encoding value 'snappy'. Supported encodings: identity, gzip", message);
        Assert.Equal("identity,gzip", RawGrpc.Header(response.Headers, "grpc-accept-encoding"));
        Assert.Equal(0, host.State.EchoCalls);
        await host.AssertServesAsync();
    }

    [Fact]
    public async Task RawEcho_GzipEncodingWithUncompressedFrame_Accepted()
    {
        // A message may go uncompressed (flag 0) even when the call declares grpc-encoding.
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { Message = "flag zero" }));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");

        using var response = await RawGrpc.SendAsync(http, request);
        var frame = Assert.Single(RawGrpc.ParseFrames(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal("flag zero", EchoResponse.Parser.ParseFrom(frame.Payload).Message);
    }
}

internal static class AsyncEnumerableTestExtensions
{
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
