using System.Net;
using System.Net.Http.Headers;
using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

/// <summary>How the client turns HTTP-level answers (from proxies or broken servers) into statuses.</summary>
public sealed class ClientResponseHandlingTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, StatusCode.Unknown)]
    public async Task EchoAsync_NonOkHttpStatus_MappedToGrpcStatus(HttpStatusCode http, StatusCode expected)
    {
        var client = ClientOver(new StubHandler(_ => new HttpResponseMessage(http) { Version = HttpVersion.Version20 }));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(expected, $"Bad gRPC response. HTTP status code: {(int)http}"), ex.Status);
    }

    [Fact]
    public async Task EchoAsync_OkWithNonGrpcContentType_Internal()
    {
        var client = ClientOver(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html/>") }));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.StartsWith("Bad gRPC response. Invalid content-type value: text/plain", ex.Status.Detail);
    }

    [Fact]
    public async Task EchoAsync_MessageButNoGrpcStatusTrailer_Internal()
    {
        var client = ClientOver(new StubHandler(_ => GrpcResponse(RawGrpc.Frame(new EchoResponse { Message = "x" }))));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Internal, "No grpc-status found on response."), ex.Status);
    }

    [Fact]
    public async Task EchoAsync_OkStatusButNoMessage_Internal()
    {
        var client = ClientOver(new StubHandler(_ => GrpcResponse([], trailers: ("grpc-status", "0"))));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Internal, "The server ended the call with OK but sent no response message."), ex.Status);
    }

    [Fact]
    public async Task EchoAsync_TwoResponseMessages_Internal()
    {
        var frame = RawGrpc.Frame(new EchoResponse { Message = "x" });
        var client = ClientOver(new StubHandler(_ => GrpcResponse([.. frame, .. frame], trailers: ("grpc-status", "0"))));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Internal, "The server sent more than one response message for a unary call."), ex.Status);
    }

    [Fact]
    public async Task EchoAsync_NonNumericGrpcStatus_Unknown()
    {
        var client = ClientOver(new StubHandler(_ => GrpcResponse([], headers: ("grpc-status", "abc"))));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Unknown, "Unexpected grpc-status value 'abc'."), ex.Status);
    }

    [Fact]
    public async Task EchoAsync_UnsupportedResponseEncoding_Internal()
    {
        var client = ClientOver(new StubHandler(_ => GrpcResponse(RawGrpc.Frame(new EchoResponse()), headers: ("grpc-encoding", "snappy"))));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Internal, "The server used grpc-encoding 'snappy', which this client does not support."), ex.Status);
    }

    [Fact]
    public async Task EchoAsync_TransportThrowsHttpRequestException_Unavailable()
    {
        var client = ClientOver(new StubHandler(_ => throw new HttpRequestException("connection refused")));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal("Error starting gRPC call. HttpRequestException: connection refused", ex.Status.Detail);
    }

    [Fact]
    public async Task EchoAsync_Http503ThenRealServer_RetriedAndSucceeds()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var attempts = 0;
        var inner = host.Server.CreateHandler();
        var handler = new StubHandler(_ => Interlocked.Increment(ref attempts) == 1 ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) : null) { InnerHandler = inner };
        var client = new InteropService.InteropServiceClient(GrpcChannel.ForAddress(host.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpHandler = true,
            RetryPolicy = new RetryPolicy { InitialBackoff = TimeSpan.FromMilliseconds(1) },
        }));

        var reply = await client.EchoAsync(new EchoRequest { Message = "through the proxy" });

        Assert.Equal("through the proxy", reply.Message);
        Assert.Equal(2, attempts);
        Assert.Equal(1, host.State.EchoCalls);
    }

    [Fact]
    public async Task Request_SentByClient_HasGrpcWireHeaders()
    {
        HttpRequestMessage? seen = null;
        var client = ClientOver(new StubHandler(request =>
        {
            seen = request;
            return GrpcResponse([], headers: ("grpc-status", "5"));
        }), o => o.CompressionAlgorithm = "gzip");

        await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddMinutes(1)).ResponseAsync);

        Assert.NotNull(seen);
        Assert.Equal(HttpMethod.Post, seen.Method);
        Assert.Equal(HttpVersion.Version20, seen.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, seen.VersionPolicy);
        Assert.Equal("/danvan.interop.v1.InteropService/Echo", seen.RequestUri!.AbsolutePath);
        Assert.Equal("application/grpc", seen.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("trailers", RawGrpc.Header(seen.Headers, "te"));
        Assert.Equal("gzip", RawGrpc.Header(seen.Headers, "grpc-encoding"));
        Assert.Equal("identity,gzip", RawGrpc.Header(seen.Headers, "grpc-accept-encoding"));
        Assert.Matches("^[0-9]{1,8}[umS]$", RawGrpc.Header(seen.Headers, "grpc-timeout"));
    }

    private static InteropService.InteropServiceClient ClientOver(HttpMessageHandler handler, Action<GrpcChannelOptions>? configure = null)
    {
        var options = new GrpcChannelOptions { HttpHandler = handler, DisposeHttpHandler = true };
        configure?.Invoke(options);
        return new InteropService.InteropServiceClient(GrpcChannel.ForAddress("http://localhost", options));
    }

    private static HttpResponseMessage GrpcResponse(byte[] body, (string, string)? headers = null, (string, string)? trailers = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Version = HttpVersion.Version20, Content = new ByteArrayContent(body) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        if (headers is { } h)
        {
            response.Headers.TryAddWithoutValidation(h.Item1, h.Item2);
        }

        if (trailers is { } t)
        {
            response.TrailingHeaders.TryAddWithoutValidation(t.Item1, t.Item2);
        }

        return response;
    }

    /// <summary>Answers with the function's response; a null answer passes the request to the inner handler.</summary>
    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage?> respond) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.LoadIntoBufferAsync(cancellationToken);
            }

            return respond(request) ?? await base.SendAsync(request, cancellationToken);
        }
    }
}
