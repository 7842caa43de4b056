using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class HandlerExceptionTests
{
    [Fact]
    public async Task EchoAsync_HandlerThrowsPlainException_InternalWithGenericMessageThenNextCallSucceeds()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnEcho = (request, _, _) => request.Message == "fail" ? throw new InvalidOperationException("secret detail") : Task.CompletedTask;
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest { Message = "fail" }).ResponseAsync);
        var next = await client.EchoAsync(new EchoRequest { Message = "next" });

        Assert.Equal(new Status(StatusCode.Internal, "Exception was thrown by handler."), ex.Status);
        Assert.Equal("next", next.Message);
    }

    [Fact]
    public async Task EchoAsync_EnableDetailedErrors_ExceptionTypeAndMessageInStatus()
    {
        await using var host = await GrpcTestHost.StartAsync(o => o.EnableDetailedErrors = true);
        host.State.OnEcho = (_, _, _) => throw new InvalidOperationException("boom ✓");
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Internal, "Exception was thrown by handler. InvalidOperationException: boom ✓"), ex.Status);
    }

    [Fact]
    public async Task ServerStream_HandlerThrowsAfterItem_InternalInTrailers()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.AfterStreamItem = _ => throw new InvalidOperationException("mid-stream");
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 2 });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(new Status(StatusCode.Internal, "Exception was thrown by handler."), ex.Status);
        host.State.AfterStreamItem = null;
        using var next = client.ServerStream(new StreamRequest { Count = 2 });
        Assert.Equal(2, (await next.ResponseStream.ReadAllAsync().ToListAsync()).Count);
    }

    [Fact]
    public async Task RawEcho_HandlerThrows_TrailersOnlyInternal()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnEcho = (_, _, _) => throw new ArgumentException("x");
        var http = host.CreateRawClient();

        using var response = await RawGrpc.SendAsync(http, RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest())));
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("13", status);
        Assert.Equal("Exception was thrown by handler.", message);
    }
}
