using System.Net;
using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class UnimplementedTests
{
    [Fact]
    public async Task RawPost_UnknownMethodOfKnownService_UnimplementedMethod()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/danvan.interop.v1.InteropService/Nope", RawGrpc.Frame(new EchoRequest())));
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("12", status);
        Assert.Equal("Method is unimplemented.", message);
    }

    [Fact]
    public async Task RawPost_UnknownService_UnimplementedService()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/no.Such/Thing", RawGrpc.Frame(new EchoRequest())));
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("12", status);
        Assert.Equal("Service is unimplemented.", message);
    }

    [Fact]
    public async Task RawPost_NonGrpcContentTypeToTwoSegmentPath_Http404NotGrpc()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request("/no.Such/Thing", "hello"u8.ToArray(), "text/plain"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(RawGrpc.Header(response.Headers, "grpc-status"));
    }

    [Fact]
    public async Task TypedCall_UnknownMethod_ClientSeesUnimplemented()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var channel = host.CreateChannel();
        var nope = new Method<EchoRequest, EchoResponse>(MethodType.Unary, InteropService.ServiceName, "Nope", EchoRequest.Parser, EchoResponse.Parser);

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(nope, null, default, new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Unimplemented, "Method is unimplemented."), ex.Status);
    }

    [Fact]
    public async Task TypedCall_UnknownService_ClientSeesUnimplemented()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var channel = host.CreateChannel();
        var thing = new Method<EchoRequest, EchoResponse>(MethodType.ServerStreaming, "no.Such", "Thing", EchoRequest.Parser, EchoResponse.Parser);

        using var call = channel.CreateCallInvoker().AsyncServerStreamingCall(thing, null, default, new EchoRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(new Status(StatusCode.Unimplemented, "Service is unimplemented."), ex.Status);
    }
}
