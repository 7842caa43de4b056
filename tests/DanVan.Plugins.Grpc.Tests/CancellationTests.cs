using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class CancellationTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EchoAsync_ClientCancelsWhileHandlerWaits_CancelledAndHandlerTokenFires()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();
        using var cts = new CancellationTokenSource();

        using var call = client.EchoAsync(new EchoRequest { DelayMs = 60_000 }, cancellationToken: cts.Token);
        await host.State.HandlerWaiting.Task.WaitAsync(Guard);
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Guard));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        await host.State.HandlerCancelled.Task.WaitAsync(Guard);
    }

    [Fact]
    public async Task EchoAsync_TokenCancelledBeforeStart_CancelledWithoutReachingServer()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest(), cancellationToken: new CancellationToken(canceled: true)).ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(0, host.State.EchoCalls);
    }

    [Fact]
    public async Task ServerStream_ClientCancelsMidStream_CancelledAndHandlerTokenFires()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();
        using var cts = new CancellationTokenSource();

        using var call = client.ServerStream(new StreamRequest { Count = 2, IntervalMs = 60_000 }, cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        await host.State.HandlerWaiting.Task.WaitAsync(Guard);
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await host.State.HandlerCancelled.Task.WaitAsync(Guard);
    }

    [Fact]
    public async Task Duplex_MoveNextTokenCancelled_CancelledAndHandlerTokenFires()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();
        using var cts = new CancellationTokenSource();

        using var call = client.Duplex();
        var read = call.ResponseStream.MoveNext(cts.Token);
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => read.WaitAsync(Guard));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        await host.State.HandlerCancelled.Task.WaitAsync(Guard);
    }

    [Fact]
    public async Task Dispose_RunningServerStream_StatusCancelledAndHandlerTokenFires()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        var call = client.ServerStream(new StreamRequest { Count = 2, IntervalMs = 60_000 });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        await host.State.HandlerWaiting.Task.WaitAsync(Guard);
        call.Dispose();

        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        await host.State.HandlerCancelled.Task.WaitAsync(Guard);
    }
}
