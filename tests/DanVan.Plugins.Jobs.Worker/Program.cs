// A second (and third) runtime instance for the two-process test. Usage:
//   DanVan.Plugins.Jobs.Worker <npgsql connection string> <worker id>
// Time is shared through the table test_clock (now_ms, end_ms, ready): every instance runs what is
// due at now_ms, and whichever finds nothing due and nothing running moves the clock to the next
// due occurrence. So occurrences fall due at the same instant for both processes, which then
// race for them as two runtimes on one PostgreSQL would.
//   DanVan.Plugins.Jobs.Worker hang <Sqlite|Postgres> <connection string> <worker id> <now, Unix ms>
// claims what is due at that instant, prints "running <job id> <due ms>" when the handler starts and
// then hangs, for a test to kill -9 it mid-run.
using DanVan.Plugins.Jobs.Worker;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Jobs;

if (args is ["hang", var engine, var hangConnection, var hangWorker, var at])
{
    await using var hangConnector = DatabaseConnector.Create(new StorageOptions { Provider = Enum.Parse<StorageProvider>(engine), ConnectionString = hangConnection }, ".");
    var now = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
    var hanging = new JobScheduler(new JobStore(hangConnector, TimeProvider.System), new HangingHandlerResolver(), new FixedClock(now), new JobSchedulerOptions { WorkerId = hangWorker });
    await hanging.RunDueAsync(now);
    return 1;
}

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: DanVan.Plugins.Jobs.Worker <connection string> <worker id>");
    return 2;
}

var (connectionString, workerId) = (args[0], args[1]);
await using var connector = DatabaseConnector.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString }, ".");
var clock = new SharedClock(connector);
var store = new JobStore(connector, clock);
await store.EnsureCreatedAsync();
var scheduler = new JobScheduler(
    store,
    new EffectHandlerResolver(connector, workerId),
    clock,
    new JobSchedulerOptions { WorkerId = workerId, BatchSize = 1, MaxConcurrency = 1 });

await clock.ArriveAsync();
var runs = 0;
while (await clock.ReadAsync() is { } now)
{
    var ran = await scheduler.RunDueAsync(now);
    runs += ran;
    if (ran == 0 && !await clock.TryAdvanceAsync(now))
    {
        // The other instance is running the last due occurrence; look again shortly.
        await Task.Delay(2);
    }
}

Console.WriteLine($"{workerId} ran {runs}");
return 0;
