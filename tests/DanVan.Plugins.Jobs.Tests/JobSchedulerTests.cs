using DanVan.Plugins.Jobs.Tests.Infrastructure;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Jobs;

namespace DanVan.Plugins.Jobs.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class JobSchedulerTests(PostgresCluster cluster)
{
    private const string Plugin = "danvan.tasks";
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, Vn);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task OneOff_RunsOnceAtItsDueTime_NotBefore(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var (store, scheduler, handlers, _) = Instance(db);
        var handler = handlers.Add(Plugin, "nhac-viec");
        var due = T0.AddHours(1);

        await store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "nhac:1", JobName = "nhac-viec", Schedule = JobSchedule.Once(due), Payload = """{"taskId":42}""" });
        var early = await scheduler.RunDueAsync(due.AddMilliseconds(-1));
        var onTime = await scheduler.RunDueAsync(due);
        var later = await scheduler.RunDueAsync(due.AddDays(3));

        Assert.Equal((0, 1, 0), (early, onTime, later));
        var call = Assert.Single(handler.Calls);
        Assert.Equal((due, 1, "nhac:1", 42), (call.DueAt, call.Attempt, call.Key, call.PayloadAs<TaskPayload>()!.TaskId));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM danvan_job_runs WHERE outcome = 'succeeded'"));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Yearly_OnLeapDay_RunsEachYearOnTheRightDay(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var (store, scheduler, handlers, clock) = Instance(db, new DateTimeOffset(2027, 3, 1, 0, 0, 0, Vn));
        var handler = handlers.Add(Plugin, "han-bao-cao");
        await store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "bao-cao-nam", JobName = "han-bao-cao", Schedule = JobSchedule.Yearly(29, 2, new TimeOnly(8, 0)) });

        // Each pass runs at the moment the next occurrence falls due, as the hosted loop would.
        for (var year = 2028; year <= 2033; year++)
        {
            var day = DateTime.IsLeapYear(year) ? 29 : 28;
            var due = new DateTimeOffset(year, 2, day, 8, 0, 0, Vn);
            Assert.Equal(0, await scheduler.RunDueAsync(due.AddSeconds(-1)));
            Assert.Equal(1, await scheduler.RunDueAsync(due));
        }

        Assert.Equal(
            ["29/02/2028", "28/02/2029", "28/02/2030", "28/02/2031", "29/02/2032", "28/02/2033"],
            handler.Calls.Select(c => c.DueAt.ToOffset(Vn).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        _ = clock;
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Monthly_AfterDowntime_CatchesUpEveryMissedMonth_AcrossTheYear(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var (store, scheduler, handlers, _) = Instance(db, new DateTimeOffset(2026, 11, 15, 0, 0, 0, Vn));
        var handler = handlers.Add(Plugin, "tong-hop-thang");
        await store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "tong-hop", JobName = "tong-hop-thang", Schedule = JobSchedule.Monthly(31, new TimeOnly(23, 30)) });

        // The runtime was down from November to April: each missed month is its own roll-up.
        var ran = await scheduler.RunDueAsync(new DateTimeOffset(2027, 4, 1, 0, 0, 0, Vn));

        Assert.Equal(5, ran);
        Assert.Equal(
            ["30/11/2026", "31/12/2026", "31/01/2027", "28/02/2027", "31/03/2027"],
            handler.Calls.Select(c => c.DueAt.ToOffset(Vn).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        var pending = await db.ScalarAsync("SELECT due_at FROM danvan_job_occurrences WHERE state = 'pending'");
        Assert.Equal(new DateTimeOffset(2027, 4, 30, 23, 30, 0, Vn), DateTimeOffset.FromUnixTimeMilliseconds(pending));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task SameKeyTwice_IsOneJob(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var (store, scheduler, handlers, _) = Instance(db);
        var handler = handlers.Add(Plugin, "nhac-viec");
        var jobs = store.ForPlugin(Plugin);
        var request = new JobRequest { Key = "nhac:7", JobName = "nhac-viec", Schedule = JobSchedule.Once(T0) };

        var first = await jobs.ScheduleAsync(request);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => jobs.ScheduleAsync(request)));
        var otherPlugin = await store.ForPlugin("danvan.checklist").ScheduleAsync(request);
        handlers.Activate("danvan.checklist");
        await scheduler.RunDueAsync(T0);

        Assert.True(first.Created);
        Assert.All(concurrent, j => Assert.Equal((first.Id, false), (j.Id, j.Created)));
        Assert.True(otherPlugin.Created);
        Assert.Single(handler.Calls);
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM danvan_jobs"));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task FailingHandler_IsRetriedWithGrowingBackoff_ThenDeadLettered(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var options = new JobSchedulerOptions { RetryInitialDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromHours(1) };
        var (store, scheduler, handlers, _) = Instance(db, options: options);
        var attempt = 0;
        handlers.Add(Plugin, "gui-bao-cao", (_, _) => throw new InvalidOperationException($"e-office từ chối lần {++attempt}"));
        await store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "k", JobName = "gui-bao-cao", Schedule = JobSchedule.Once(T0), MaxAttempts = 3 });

        await scheduler.RunDueAsync(T0);
        var retry1 = await RunAtAsync(db);
        Assert.InRange(retry1 - T0, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30));
        Assert.Equal(0, await scheduler.RunDueAsync(retry1.AddMilliseconds(-1)));
        Assert.Equal(1, await scheduler.RunDueAsync(retry1));
        var retry2 = await RunAtAsync(db);
        Assert.InRange(retry2 - retry1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
        Assert.Equal(1, await scheduler.RunDueAsync(retry2));
        Assert.Equal(0, await scheduler.RunDueAsync(retry2.AddDays(30)));

        var occurrence = Assert.Single(await db.RowsAsync("SELECT state, attempt, last_error FROM danvan_job_occurrences"));
        Assert.Equal("dead", occurrence[0]);
        Assert.Equal(3L, Convert.ToInt64(occurrence[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("e-office từ chối lần 3", (string)occurrence[2]!, StringComparison.Ordinal);
        var runs = await db.RowsAsync("SELECT outcome FROM danvan_job_runs ORDER BY id");
        Assert.Equal(["failed", "failed", "dead"], runs.Select(r => (string)r[0]!));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task ScheduledWork_SurvivesARestart(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var before = Instance(db);
        await before.Store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "k", JobName = "nhac-viec", Schedule = JobSchedule.EveryHours(1, T0) });
        before.Handlers.Add(Plugin, "nhac-viec");
        await before.Scheduler.RunDueAsync(T0);

        // A new runtime instance: new connector, store and scheduler over the same database.
        var after = Instance(db);
        var handler = after.Handlers.Add(Plugin, "nhac-viec");
        var ran = await after.Scheduler.RunDueAsync(T0.AddHours(1));

        Assert.Equal(1, ran);
        Assert.Equal(T0.AddHours(1), Assert.Single(handler.Calls).DueAt);
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM danvan_job_runs WHERE outcome = 'succeeded'"));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task CrashedWorker_LeaseExpires_AndAnotherTakesOver(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var lease = TimeSpan.FromMinutes(5);
        var crashed = Instance(db, options: new JobSchedulerOptions { WorkerId = "crashed", LeaseDuration = lease });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        crashed.Handlers.Add(Plugin, "tong-hop", async (_, _) =>
        {
            started.SetResult();
            await never.Task;
        });
        await crashed.Store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "k", JobName = "tong-hop", Schedule = JobSchedule.Once(T0) });
        var hung = crashed.Scheduler.RunDueAsync(T0);
        await started.Task;

        var survivor = Instance(db, options: new JobSchedulerOptions { WorkerId = "survivor", LeaseDuration = lease });
        var handler = survivor.Handlers.Add(Plugin, "tong-hop");
        var whileLeased = await survivor.Scheduler.RunDueAsync(T0 + lease - TimeSpan.FromSeconds(1));
        var afterExpiry = await survivor.Scheduler.RunDueAsync(T0 + lease + TimeSpan.FromSeconds(1));

        Assert.Equal((0, 1), (whileLeased, afterExpiry));
        Assert.Equal(2, Assert.Single(handler.Calls).Attempt);
        var occurrence = Assert.Single(await db.RowsAsync("SELECT state, locked_by FROM danvan_job_occurrences"));
        Assert.Equal(("succeeded", null), ((string)occurrence[0]!, occurrence[1]));

        // The "crashed" worker was only frozen: its late result must not overwrite the survivor's.
        never.SetException(new IOException("máy chủ mất điện"));
        await hung;
        Assert.Equal("succeeded", (string)(await db.RowsAsync("SELECT state FROM danvan_job_occurrences"))[0][0]!);
        Assert.Equal(["succeeded", "failed-lease-lost"], (await db.RowsAsync("SELECT outcome FROM danvan_job_runs ORDER BY id")).Select(r => (string)r[0]!));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task LongHandler_RenewsItsLease_SoNoOneTakesItOver(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var lease = TimeSpan.FromMinutes(5);
        var clock = new FakeTimeProvider(T0);
        var connector = new ObservedConnector(db.Connect());
        var store = new JobStore(connector, clock);
        var handlers = new TestHandlers();
        var slow = new JobScheduler(store, handlers, clock, new JobSchedulerOptions { WorkerId = "slow", LeaseDuration = lease });
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource();
        handlers.Add(Plugin, "tong-hop-nam", async (_, _) =>
        {
            started.SetResult();
            await finish.Task;
        });
        await store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "k", JobName = "tong-hop-nam", Schedule = JobSchedule.Once(T0) });
        var running = slow.RunDueAsync(T0);
        await started.Task;

        var renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connector.ConnectionClosed += () => renewed.TrySetResult();
        clock.Advance(lease / 3);
        await renewed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var leaseUntil = DateTimeOffset.FromUnixTimeMilliseconds(await db.ScalarAsync("SELECT lease_until FROM danvan_job_occurrences"));
        var other = Instance(db, options: new JobSchedulerOptions { WorkerId = "other", LeaseDuration = lease });
        var otherHandler = other.Handlers.Add(Plugin, "tong-hop-nam");
        var stolen = await other.Scheduler.RunDueAsync(T0 + lease + TimeSpan.FromSeconds(1));
        finish.SetResult();
        await running;

        Assert.Equal(T0 + (lease / 3) + lease, leaseUntil);
        Assert.Equal(0, stolen);
        Assert.Empty(otherHandler.Calls);
        Assert.Equal(["succeeded"], (await db.RowsAsync("SELECT outcome FROM danvan_job_runs")).Select(r => (string)r[0]!));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task JobOfInactivePlugin_Waits_ThenRunsWhenItIsActiveAgain(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var (store, scheduler, handlers, _) = Instance(db);
        var handler = handlers.Add(Plugin, "nhac-viec");
        await store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "k", JobName = "nhac-viec", Schedule = JobSchedule.Once(T0), MaxAttempts = 1 });
        handlers.Deactivate(Plugin);

        var whileDisabled = await scheduler.RunDueAsync(T0.AddDays(10));
        var state = (await db.RowsAsync("SELECT state, attempt FROM danvan_job_occurrences"))[0];
        handlers.Activate(Plugin);
        var afterEnable = await scheduler.RunDueAsync(T0.AddDays(10));

        Assert.Equal(0, whileDisabled);
        Assert.Equal(("pending", 0L), ((string)state[0]!, Convert.ToInt64(state[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, afterEnable);
        Assert.Equal(1, Assert.Single(handler.Calls).Attempt);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task MissingHandler_DoesNotUseAnAttempt(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var options = new JobSchedulerOptions { MissingHandlerDelay = TimeSpan.FromMinutes(1) };
        var (store, scheduler, handlers, _) = Instance(db, options: options);
        handlers.Activate(Plugin);
        await store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "k", JobName = "phien-ban-moi", Schedule = JobSchedule.Once(T0), MaxAttempts = 1 });

        Assert.Equal(0, await scheduler.RunDueAsync(T0));
        var handler = handlers.Add(Plugin, "phien-ban-moi");
        Assert.Equal(0, await scheduler.RunDueAsync(T0.AddSeconds(59)));
        Assert.Equal(1, await scheduler.RunDueAsync(T0.AddMinutes(1)));

        Assert.Equal(1, Assert.Single(handler.Calls).Attempt);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task CancelledJob_RunsNoMore(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var (store, scheduler, handlers, _) = Instance(db);
        var handler = handlers.Add(Plugin, "nhac-viec");
        var jobs = store.ForPlugin(Plugin);
        await jobs.ScheduleAsync(new JobRequest { Key = "k", JobName = "nhac-viec", Schedule = JobSchedule.EveryMinutes(10, T0) });
        await scheduler.RunDueAsync(T0);

        var cancelled = await jobs.CancelAsync("k");
        var again = await jobs.CancelAsync("k");
        var ran = await scheduler.RunDueAsync(T0.AddHours(5));

        Assert.Equal((true, false, 0), (cancelled, again, ran));
        Assert.Single(handler.Calls);
        Assert.True((await jobs.GetAsync("k"))!.Cancelled);
        Assert.False((await jobs.ScheduleAsync(new JobRequest { Key = "k", JobName = "nhac-viec", Schedule = JobSchedule.Once(T0) })).Created);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task HostedLoop_WaitsOnTheClock_AndRunsWhenTimeComes(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var clock = new FakeTimeProvider(T0);
        var (store, scheduler, handlers, _) = Instance(db, clock: clock, options: new JobSchedulerOptions { PollInterval = TimeSpan.FromHours(1) });
        var ran = new TaskCompletionSource<JobContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        handlers.Add(Plugin, "nhac-viec", (ctx, _) =>
        {
            ran.TrySetResult(ctx);
            return Task.CompletedTask;
        });
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        clock.TimerCreated += due =>
        {
            if (due == TimeSpan.FromMinutes(10))
            {
                waiting.TrySetResult();
            }
        };
        await store.ForPlugin(Plugin).ScheduleAsync(new JobRequest { Key = "k", JobName = "nhac-viec", Schedule = JobSchedule.Once(T0.AddMinutes(10)) });

        await scheduler.StartAsync(CancellationToken.None);
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(ran.Task.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(10));
        var context = await ran.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await scheduler.StopAsync(CancellationToken.None);

        Assert.Equal(T0.AddMinutes(10), context.DueAt);
    }

    private static async Task<DateTimeOffset> RunAtAsync(TestDatabase db) =>
        DateTimeOffset.FromUnixTimeMilliseconds(await db.ScalarAsync("SELECT run_at FROM danvan_job_occurrences"));

    private static (JobStore Store, JobScheduler Scheduler, TestHandlers Handlers, TimeProvider Clock) Instance(
        TestDatabase db, DateTimeOffset? now = null, JobSchedulerOptions? options = null, TimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(now ?? T0);
        var store = new JobStore(db.Connect(), clock);
        var handlers = new TestHandlers();
        return (store, new JobScheduler(store, handlers, clock, options), handlers, clock);
    }

    private sealed record TaskPayload(int TaskId);
}
