using System.Diagnostics;
using DanVan.Plugins.Jobs.Tests.Infrastructure;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Jobs;

namespace DanVan.Plugins.Jobs.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class CrashTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task WorkerKilledMidRun_ItsOccurrenceRunsElsewhereAfterTheLease_AndTheRecurrenceGoesOn(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var store = new JobStore(db.Connect(), new FakeTimeProvider(T0));
        var job = await store.ForPlugin("danvan.test").ScheduleAsync(new JobRequest { Key = "k", JobName = "tick", Schedule = JobSchedule.EveryHours(1, T0) });
        var dll = Path.Combine(RepoPaths.Root, "tests", "DanVan.Plugins.Jobs.Worker", RepoPaths.OutputSuffix, "DanVan.Plugins.Jobs.Worker.dll");
        using var worker = Process.Start(new ProcessStartInfo("dotnet", [dll, "hang", provider.ToString(), db.Options.ConnectionString!, "doomed", T0.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        })!;

        var line = await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        worker.Kill();                                   // SIGKILL: no finally blocks, no release of the lease
        await worker.WaitForExitAsync();

        Assert.Equal($"running {job.Id} {T0.ToUnixTimeMilliseconds()}", line);
        var handlers = new TestHandlers();
        var handler = handlers.Add("danvan.test", "tick");
        var survivor = new JobScheduler(new JobStore(db.Connect(), new FakeTimeProvider(T0)), handlers, new FakeTimeProvider(T0), new JobSchedulerOptions { WorkerId = "survivor" });
        var beforeExpiry = await survivor.RunDueAsync(T0.AddMinutes(4));
        var afterExpiry = await survivor.RunDueAsync(T0.AddMinutes(5).AddSeconds(1));
        var nextHour = await survivor.RunDueAsync(T0.AddHours(1));

        Assert.Equal((0, 1, 1), (beforeExpiry, afterExpiry, nextHour));
        Assert.Equal([(T0, 2), (T0.AddHours(1), 1)], handler.Calls.Select(c => (c.DueAt, c.Attempt)));
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(*) FROM danvan_job_runs WHERE outcome = 'succeeded' AND worker = 'survivor'"));
    }
}
