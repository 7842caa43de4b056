using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class RetryTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private static readonly RetryPolicy FastRetries = new()
    {
        MaxAttempts = 5,
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(1),
    };

    [Fact]
    public async Task EchoAsync_UnavailableTwiceThenOk_SucceedsOnThirdAttemptWithPreviousAttemptsHeader()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnEcho = (_, _, call) => call <= 2 ? throw Unavailable() : Task.CompletedTask;
        var client = host.CreateClient(o => o.RetryPolicy = FastRetries);

        var reply = await client.EchoAsync(new EchoRequest { Message = "third time" });

        Assert.Equal("third time", reply.Message);
        Assert.Equal(3, host.State.EchoCalls);
        Assert.Equal([null, "1", "2"], host.State.RequestHeaders.Select(h => h.GetValue("grpc-previous-rpc-attempts")));
    }

    [Fact]
    public async Task EchoAsync_NoRetryPolicy_UnavailableNotRetried()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnEcho = (_, _, _) => throw Unavailable();
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(1, host.State.EchoCalls);
    }

    [Fact]
    public async Task EchoAsync_NonRetryableCode_NotRetried()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnEcho = (_, _, _) => throw new RpcException(new Status(StatusCode.InvalidArgument, "bad"));
        var client = host.CreateClient(o => o.RetryPolicy = FastRetries);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.InvalidArgument, "bad"), ex.Status);
        Assert.Equal(1, host.State.EchoCalls);
    }

    [Fact]
    public async Task EchoAsync_AlwaysUnavailable_StopsAtMaxAttempts()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnEcho = (_, _, call) => throw new RpcException(new Status(StatusCode.Unavailable, "attempt " + call));
        var client = host.CreateClient(o => o.RetryPolicy = new RetryPolicy { MaxAttempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(1) });

        using var call = client.EchoAsync(new EchoRequest());
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(new Status(StatusCode.Unavailable, "attempt 3"), ex.Status);
        Assert.Equal(3, host.State.EchoCalls);
        Assert.Equal(StatusCode.Unavailable, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ServerStream_NotIdempotent_UnavailableNotRetried()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnServerStream = (_, _, _) => throw Unavailable();
        var client = host.CreateClient(o => o.RetryPolicy = FastRetries);

        using var call = client.ServerStream(new StreamRequest { Count = 1 });
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(1, host.State.ServerStreamCalls);
    }

    [Fact]
    public async Task EchoAsync_PushbackMinusOne_StopsRetrying()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnEcho = (_, _, _) => throw new RpcException(new Status(StatusCode.Unavailable, "go away"), new Metadata { { "grpc-retry-pushback-ms", "-1" } });
        var client = host.CreateClient(o => o.RetryPolicy = FastRetries);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Unavailable, "go away"), ex.Status);
        Assert.Equal(1, host.State.EchoCalls);
    }

    [Fact]
    public async Task EchoAsync_Pushback5000ms_NextAttemptWaitsForThatDelay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var scheduled = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        clock.TimerCreated += due => scheduled.TrySetResult(due);
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnEcho = (_, _, call) => call == 1
            ? throw new RpcException(new Status(StatusCode.Unavailable, "later"), new Metadata { { "grpc-retry-pushback-ms", "5000" } })
            : Task.CompletedTask;
        var client = host.CreateClient(o =>
        {
            o.RetryPolicy = FastRetries;
            o.TimeProvider = clock;
        });

        var call = client.EchoAsync(new EchoRequest { Message = "after pushback" });
        Assert.Equal(TimeSpan.FromMilliseconds(5000), await scheduled.Task.WaitAsync(Guard));
        clock.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.Equal(1, host.State.EchoCalls);
        Assert.False(call.ResponseAsync.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var reply = await call.ResponseAsync.WaitAsync(Guard);

        Assert.Equal("after pushback", reply.Message);
        Assert.Equal(2, host.State.EchoCalls);
    }

    [Fact]
    public async Task EchoAsync_BackoffBeyondDeadline_FailsWithoutRetry()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnEcho = (_, _, _) => throw new RpcException(new Status(StatusCode.Unavailable, "later"), new Metadata { { "grpc-retry-pushback-ms", "600000" } });
        var client = host.CreateClient(o => o.RetryPolicy = FastRetries);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddMinutes(1)).ResponseAsync);

        Assert.Equal(new Status(StatusCode.Unavailable, "later"), ex.Status);
        Assert.Equal(1, host.State.EchoCalls);
    }

    [Fact]
    public async Task EchoAsync_FailureAfterResponseHeaders_CommittedAndNotRetried()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.State.OnEcho = async (_, context, _) =>
        {
            await context.WriteResponseHeadersAsync(new Metadata { { "x-committed", "yes" } });
            throw Unavailable();
        };
        var client = host.CreateClient(o => o.RetryPolicy = FastRetries);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(1, host.State.EchoCalls);
    }

    private static RpcException Unavailable() => new(new Status(StatusCode.Unavailable, "try again"));
}
