using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class ServerStreamingTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ServerStream_Count_ReceivesEveryItemInOrderThenOk()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 5, ResponseSize = 10 });
        var items = new List<EchoResponse>();
        await foreach (var item in call.ResponseStream.ReadAllAsync())
        {
            items.Add(item);
        }

        Assert.Equal(["item-0", "item-1", "item-2", "item-3", "item-4"], items.Select(i => i.Message));
        Assert.Equal([0, 1, 2, 3, 4], items.Select(i => i.Index));
        Assert.All(items, i => Assert.Equal(10, i.Payload.Length));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ServerStream_ServerWaitsAfterFirstItem_FirstItemArrivesBeforeSecondIsWritten()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var release = InteropState.NewSignal();
        host.State.AfterStreamItem = async index =>
        {
            if (index == 0)
            {
                await release.Task;
            }
        };
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 2 });

        // The server is parked on `release` after writing item-0; reading it proves it was not buffered.
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        Assert.Equal("item-0", call.ResponseStream.Current.Message);
        Assert.False(release.Task.IsCompleted);

        release.SetResult();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        Assert.Equal("item-1", call.ResponseStream.Current.Message);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ServerStream_ZeroCount_EndsWithOkAndNoItems()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 0 });

        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task ServerStream_FinalStatusAfterItems_ItemsThenRpcExceptionWithTrailersStatus()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 2, FinalStatus = new ResponseStatus { Code = 10, Message = "conflict" } });

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal("conflict", ex.Status.Detail);
        Assert.Equal(new Status(StatusCode.Aborted, "conflict"), call.GetStatus());
    }
}
