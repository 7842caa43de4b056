using DanVan.Plugins.Grpc.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Grpc.Tests;

public sealed class DeadlineTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task EchoAsync_DeadlinePassesWhileHandlerWaits_DeadlineExceededAndHandlerCancelled()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        // A real 200 ms deadline against a handler that waits (a minute) on its CancellationToken.
        using var call = client.EchoAsync(new EchoRequest { Message = "slow", DelayMs = 60_000 }, deadline: DateTime.UtcNow.AddMilliseconds(200));
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(Guard));

        Assert.Equal(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), ex.Status);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
        await host.State.HandlerCancelled.Task.WaitAsync(Guard);
    }

    [Fact]
    public async Task EchoAsync_DeadlineAlreadyPassed_DeadlineExceededWithoutReachingServer()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EchoAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(-1)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal(0, host.State.EchoCalls);
    }

    [Fact]
    public async Task RawEcho_GrpcTimeout100m_Status4WhenServerClockPassesIt()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await GrpcTestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { DelayMs = 60_000 }));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "100m");

        var send = RawGrpc.SendAsync(http, request);
        await host.State.HandlerWaiting.Task.WaitAsync(Guard);
        Assert.False(send.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(host.State.HandlerCancelled.Task.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var response = await send.WaitAsync(Guard);
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("4", status);
        Assert.Equal("Deadline Exceeded", message);
        await host.State.HandlerCancelled.Task.WaitAsync(Guard);
    }

    [Fact]
    public async Task RawEcho_GrpcTimeoutZero_Status4()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await GrpcTestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { DelayMs = 60_000 }));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "0m");

        using var response = await RawGrpc.SendAsync(http, request).WaitAsync(Guard);
        var (status, message) = await RawGrpc.ReadTrailersOnlyAsync(response);

        Assert.Equal("4", status);
        Assert.Equal("Deadline Exceeded", message);
        await host.AssertServesAsync();
    }

    [Theory]
    [InlineData("100m", 100 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5S", 5 * TimeSpan.TicksPerSecond)]
    [InlineData("2M", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("1H", TimeSpan.TicksPerHour)]
    [InlineData("2500u", 25_000)]
    [InlineData("12345600n", 123_456)]
    public async Task RawEcho_GrpcTimeoutHeader_ContextDeadlineIsServerNowPlusTimeout(string header, long ticks)
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await GrpcTestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        var http = host.CreateRawClient();
        var request = RawGrpc.Request(RawGrpc.EchoPath, RawGrpc.Frame(new EchoRequest { Message = "d" }));
        request.Headers.TryAddWithoutValidation("grpc-timeout", header);

        using var response = await RawGrpc.SendAsync(http, request);
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("0", RawGrpc.Header(response.TrailingHeaders, "grpc-status"));
        var deadline = Assert.Single(host.State.Deadlines);
        Assert.Equal(Start.UtcDateTime.AddTicks(ticks), deadline);
        Assert.Equal(DateTimeKind.Utc, deadline.Kind);
    }

    [Fact]
    public async Task EchoAsync_NoDeadline_ContextDeadlineIsMaxValue()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var client = host.CreateClient();

        await client.EchoAsync(new EchoRequest());

        Assert.Equal(DateTime.MaxValue, Assert.Single(host.State.Deadlines));
        Assert.Null(Assert.Single(host.State.RequestHeaders).Get("grpc-timeout"));
    }

    [Fact]
    public async Task EchoAsync_ClientDeadline_SentAsGrpcTimeoutAndSeenAsServerDeadline()
    {
        var serverClock = new FakeTimeProvider(Start);
        var clientClock = new FakeTimeProvider(Start.AddDays(1));
        await using var host = await GrpcTestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(serverClock));
        var client = host.CreateClient(o => o.TimeProvider = clientClock);

        // Neither clock moves, so the remaining time is exactly 3 s on both sides.
        await client.EchoAsync(new EchoRequest(), deadline: clientClock.GetUtcNow().UtcDateTime.AddSeconds(3));

        Assert.Equal(Start.UtcDateTime.AddSeconds(3), Assert.Single(host.State.Deadlines));
    }

    [Fact]
    public async Task ServerStream_DeadlinePassesMidStream_ItemsThenDeadlineExceeded()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await GrpcTestHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        var client = host.CreateClient();

        using var call = client.ServerStream(new StreamRequest { Count = 3, IntervalMs = 60_000 }, deadline: DateTime.UtcNow.AddMinutes(10));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        await host.State.HandlerWaiting.Task.WaitAsync(Guard);
        clock.Advance(TimeSpan.FromMinutes(10));

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Guard));
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        await host.State.HandlerCancelled.Task.WaitAsync(Guard);
    }
}
