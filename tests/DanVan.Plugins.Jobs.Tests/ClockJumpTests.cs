using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Jobs.Tests.Infrastructure;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Jobs;

namespace DanVan.Plugins.Jobs.Tests;

/// <summary>
/// The hosted loops on a clock that jumps days at once (a test's fake clock; a corrected system
/// clock): what fell due runs, once, without the loops polling their way through the jump, renewing
/// a lease per missed period, or cancelling a send the host already took.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class ClockJumpTests(PostgresCluster cluster)
{
    private const string Plugin = "danvan.tasks";
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task HostedLoop_ClockJumpsPastTwoJobs_RunsBothOnce_ArmingOnlyTheirTimers(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var clock = new FakeTimeProvider(T0);
        var store = new JobStore(db.Connect(), clock);
        var handlers = new TestHandlers();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var handler = handlers.Add(Plugin, "nhac-viec", (_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 2)
            {
                both.TrySetResult();
            }

            return Task.CompletedTask;
        });
        var scheduler = new JobScheduler(store, handlers, clock);
        var jobs = store.ForPlugin(Plugin);
        await jobs.ScheduleAsync(new JobRequest { Key = "truoc-han", JobName = "nhac-viec", Schedule = JobSchedule.Once(T0.AddDays(3)) });
        await jobs.ScheduleAsync(new JobRequest { Key = "qua-han", JobName = "nhac-viec", Schedule = JobSchedule.Once(T0.AddDays(9)) });
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timers = 0;
        clock.TimerCreated += _ =>
        {
            Interlocked.Increment(ref timers);
            idle.TrySetResult();
        };

        await scheduler.StartAsync(CancellationToken.None);
        await idle.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var before = Volatile.Read(ref timers);
        clock.Advance(TimeSpan.FromDays(10));
        var armedDuringJump = Volatile.Read(ref timers) - before;
        await both.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal([T0.AddDays(3), T0.AddDays(9)], handler.Calls.Select(c => c.DueAt).Order());
        // The wait for the first job (and the lease renewal's first timer, at most): no 15-second poll
        // on the fake clock re-armed its way through ten days (57,600 of them).
        Assert.InRange(armedDuringJump, 0, 4);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task LongHandler_ClockJumpsDays_RenewsItsLeaseOnce(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var lease = TimeSpan.FromMinutes(5);
        var clock = new FakeTimeProvider(T0);
        var connector = new ObservedConnector(db.Connect());
        var store = new JobStore(connector, clock);
        var handlers = new TestHandlers();
        var scheduler = new JobScheduler(store, handlers, clock, new JobSchedulerOptions { LeaseDuration = lease });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource();
        handlers.Add(Plugin, "tong-hop", async (_, _) =>
        {
            started.SetResult();
            await finish.Task;
        });
        await store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "k", JobName = "tong-hop", Schedule = JobSchedule.Once(T0) });
        var running = scheduler.RunDueAsync(T0);
        await started.Task;

        var writes = 0;
        var renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connector.ConnectionClosed += () =>
        {
            Interlocked.Increment(ref writes);
            renewed.TrySetResult();
        };
        clock.Advance(TimeSpan.FromDays(10));
        await renewed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        finish.SetResult();
        await running;

        // One renewal (two should the re-armed timer beat the end of the jump), the run's completion
        // and the pass's last, empty claim. A periodic timer fired once per 100 s of the jump: 8,640
        // lease writes queued for one handler run.
        Assert.InRange(Volatile.Read(ref writes), 3, 4);
        Assert.Equal(["succeeded"], (await db.RowsAsync("SELECT outcome FROM danvan_job_runs")).Select(r => (string)r[0]!));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task SendInFlight_WhenTheClockJumpsDays_IsNotCancelled_NorSentTwice(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hostState = new NotificationHost.State
        {
            BeforeAnswer = () =>
            {
                inFlight.TrySetResult();
                return release.Task;
            },
        };
        await using var host = await NotificationHost.StartAsync(hostState);
        var clock = new FakeTimeProvider(T0);
        var outbox = new NotificationOutbox(db.Connect(), clock);
        await outbox.ForPlugin(Plugin).EnqueueAsync(new SendNotificationRequest { Title = "Nhiệm vụ sắp đến hạn", Body = "Hạn: 15/11/2026", UserIds = { "can-bo-01" } });
        using var channel = GrpcChannel.ForAddress(host.Address);
        var dispatcher = new OutboxDispatcher(outbox, new NotificationsService.NotificationsServiceClient(channel), clock);

        var sending = dispatcher.DispatchDueAsync(T0);
        await inFlight.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromDays(2));
        release.SetResult();
        var sent = await sending.WaitAsync(TimeSpan.FromSeconds(30));
        var again = await dispatcher.DispatchDueAsync(clock.GetUtcNow().AddDays(1));

        Assert.Equal((1, 0), (sent, again));
        Assert.Single(hostState.Received);
        Assert.Equal("sent", (string)(await db.RowsAsync("SELECT state FROM danvan_outbox"))[0][0]!);
    }
}
