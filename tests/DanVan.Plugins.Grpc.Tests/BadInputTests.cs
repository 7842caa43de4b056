using System.Net;
using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Tests;

/// <summary>Hand-made malformed requests; after each one the server must still serve an ordinary call.</summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly byte[] GoodMessage = new EchoRequest { Message = "hello" }.ToByteArray();

    [Fact]
    public async Task RawEcho_DeclaredLengthLargerThanBody_InternalIncompleteMessage()
    {
        await AssertTrailersOnlyAsync(RawGrpc.Frame(GoodMessage, declaredLength: (uint)GoodMessage.Length + 10), "13",
            "Incomplete message: the stream ended inside a message frame.");
    }

    [Fact]
    public async Task RawEcho_FewerThanFiveBytes_InternalIncompleteMessage()
    {
        await AssertTrailersOnlyAsync([0, 0, 0], "13", "Incomplete message: the stream ended inside a message frame.");
    }

    [Fact]
    public async Task RawEcho_CompressedFlagWithoutGrpcEncoding_Internal()
    {
        await AssertTrailersOnlyAsync(RawGrpc.Frame(RawGrpc.Gzip(GoodMessage), flag: 1), "13",
            "A message has the compressed flag set but the call's grpc-encoding is identity or missing.");
    }

    [Fact]
    public async Task RawEcho_FlagByteTwo_InternalInvalidFlag()
    {
        await AssertTrailersOnlyAsync(RawGrpc.Frame(GoodMessage, flag: 2), "13", "Invalid compressed-flag byte in a message frame.");
    }

    [Fact]
    public async Task RawEcho_InvalidProtobufBytes_InternalFailedToDeserialize()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF])));
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("13", status);
        Assert.StartsWith("Failed to deserialize message: ", message);
        Assert.Equal(0, host.State.EchoCalls);
        await host.AssertServesAsync();
    }

    [Fact]
    public async Task RawEcho_CorruptGzipPayload_InternalFailedToDecompress()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame([0x1F, 0x8B, 1, 2, 3, 4, 5], flag: 1));
        request.Headers.TryAddWithoutValidation("grpc-encoding", "gzip");

        using var response = await RawGrpc.SendAsync(http, request);
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("13", status);
        Assert.StartsWith("Failed to decompress message: ", message);
        await host.AssertServesAsync();
    }

    [Fact]
    public async Task RawEcho_EmptyBody_InternalNoMessage()
    {
        await AssertTrailersOnlyAsync([], "13", "Request did not include a message.");
    }

    [Fact]
    public async Task RawEcho_TwoMessagesForUnaryCall_InternalAdditionalData()
    {
        await AssertTrailersOnlyAsync([.. RawGrpc.Frame(GoodMessage), .. RawGrpc.Frame(GoodMessage)], "13", "Additional data after the message received.");
    }

    [Fact]
    public async Task RawServerStream_TwoMessages_InternalAdditionalData()
    {
        var frame = RawGrpc.Frame(new StreamRequest { Count = 1 });
        await AssertTrailersOnlyAsync([.. frame, .. frame], "13", "Additional data after the message received.", RawGrpc.ServerStreamPath);
    }

    [Fact]
    public async Task RawEcho_DeclaredLength0x7FFFFFFF_ResourceExhaustedWithoutReadingTheBody()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        // Only the header is sent and the body stays open: an answer proves the server did not wait for 2 GiB.
        var content = new HeldOpenContent(RawGrpc.Frame([], declaredLength: 0x7FFFFFFF));

        try
        {
            using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, content)).WaitAsync(Guard);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("8", RawGrpc.Header(response.Headers, "grpc-status"));
            Assert.Equal("Received message exceeds the maximum configured message size (2147483647 > 4194304 bytes).", RawGrpc.Header(response.Headers, "grpc-message"));
            Assert.False(content.Released.IsCompleted);
        }
        finally
        {
            content.Release();
        }

        await host.AssertServesAsync();
    }

    [Fact]
    public async Task RawEcho_DeclaredLengthUInt32Max_ResourceExhausted()
    {
        await AssertTrailersOnlyAsync(RawGrpc.Frame([], declaredLength: uint.MaxValue), "8",
            "Received message exceeds the maximum configured message size (4294967295 > 4194304 bytes).");
    }

    [Fact]
    public async Task RawEcho_TextPlainContentType_Http415()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(GoodMessage), "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("13", RawGrpc.Header(response.Headers, "grpc-status"));
        Assert.Equal("Content-Type 'text/plain' is not supported.", RawGrpc.Header(response.Headers, "grpc-message"));
        Assert.Equal(0, host.State.EchoCalls);
        await host.AssertServesAsync();
    }

    [Fact]
    public async Task RawEcho_GrpcWebContentType_Http415()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(GoodMessage), "application/grpc-web"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await host.AssertServesAsync();
    }

    [Fact]
    public async Task RawEcho_GrpcProtoContentType_Accepted()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(GoodMessage), "application/grpc+proto"));
        var frame = Assert.Single(RawGrpc.ParseFrames(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal("hello", EchoResponse.Parser.ParseFrom(frame.Payload).Message);
    }

    [Fact]
    public async Task RawEcho_Get_Http405()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, RawGrpc.EchoPath) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(0, host.State.EchoCalls);
        await host.AssertServesAsync();
    }

    [Fact]
    public async Task RawEcho_Http11_Http426()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(GoodMessage));
        request.Version = HttpVersion.Version11;

        using var response = await RawGrpc.SendAsync(http, request);

        Assert.Equal(HttpStatusCode.UpgradeRequired, response.StatusCode);
        Assert.Equal("13", RawGrpc.Header(response.Headers, "grpc-status"));
        await host.AssertServesAsync();
    }

    [Fact]
    public async Task RawEcho_MalformedGrpcTimeout_IgnoredAndCallSucceeds()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(GoodMessage));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "123456789S");

        using var response = await RawGrpc.SendAsync(http, request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", RawGrpc.Header(response.TrailingHeaders, "grpc-status"));
        Assert.Equal(DateTime.MaxValue, Assert.Single(host.State.Deadlines));
    }

    [Fact]
    public async Task RawEcho_InvalidBase64BinHeader_InternalWhenHandlerReadsHeadersAndServerStillServes()
    {
        // The -bin value is decoded lazily, when the handler first reads RequestHeaders (this service
        // always does), so the FormatException surfaces as a handler failure.
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(GoodMessage));
        request.Headers.TryAddWithoutValidation("x-broken-bin", "a");

        using var response = await RawGrpc.SendAsync(http, request);
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("13", status);
        Assert.Equal("Exception was thrown by handler.", message);
        await host.AssertServesAsync();
    }

    private static async Task AssertTrailersOnlyAsync(byte[] body, string expectedStatus, string expectedMessage, string path = RawGrpc.EchoPath)
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(path, body));
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedMessage, message);
        Assert.Equal(0, host.State.EchoCalls);
        Assert.Equal(0, host.State.ServerStreamCalls);
        await host.AssertServesAsync();
    }

    /// <summary>Sends its bytes, then keeps the request body open until released.</summary>
    private sealed class HeldOpenContent(byte[] bytes) : HttpContent
    {
        private readonly TaskCompletionSource _release = InteropState.NewSignal();

        public Task Released => _release.Task;

        public void Release() => _release.TrySetResult();

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(bytes);
            await stream.FlushAsync();
            await _release.Task;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
