using System.Diagnostics;
using DanVan.Plugins.Jobs.Tests.Infrastructure;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Jobs;
using Xunit.Abstractions;

namespace DanVan.Plugins.Jobs.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class TwoProcessTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int Jobs = 3;
    private const int Occurrences = 40;
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task TwoRuntimeProcesses_OnOnePostgres_RunEachOccurrenceExactlyOnce()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres, cluster);
        var end = T0.AddMinutes(Occurrences - 1);
        await ExecuteAsync(db, $"""
            CREATE TABLE test_clock (now_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL, ready INT NOT NULL);
            INSERT INTO test_clock VALUES ({T0.ToUnixTimeMilliseconds()}, {end.ToUnixTimeMilliseconds()}, 0);
            CREATE TABLE test_effects (job_id TEXT NOT NULL, due_at BIGINT NOT NULL, worker TEXT NOT NULL);
            """);
        var store = new JobStore(db.Connect(), new FakeTimeProvider(T0));
        var jobIds = new List<string>();
        for (var i = 0; i < Jobs; i++)
        {
            var job = await store.ForPlugin("danvan.test").ScheduleAsync(new JobRequest { Key = $"tick-{i}", JobName = "tick", Schedule = JobSchedule.EveryMinutes(1, T0) });
            jobIds.Add(job.Id);
        }

        var workers = new[] { StartWorker(db, "worker-a"), StartWorker(db, "worker-b") };
        var outputs = await Task.WhenAll(workers.Select(WaitAsync));

        Assert.All(outputs, o => Assert.True(o.ExitCode == 0, o.Output));
        foreach (var o in outputs)
        {
            output.WriteLine(o.Output.Trim());
        }

        var effects = await db.RowsAsync("SELECT job_id, due_at, COUNT(*), MIN(worker) FROM test_effects GROUP BY job_id, due_at");
        var expected = jobIds.SelectMany(id => Enumerable.Range(0, Occurrences).Select(k => (id, T0.AddMinutes(k).ToUnixTimeMilliseconds()))).ToHashSet();
        Assert.Equal(expected, effects.Select(r => ((string)r[0]!, (long)r[1]!)).ToHashSet());
        Assert.All(effects, r => Assert.Equal(1L, (long)r[2]!));
        var runs = await db.RowsAsync($"SELECT job_id, due_at, COUNT(*) FROM danvan_job_runs WHERE due_at <= {end.ToUnixTimeMilliseconds()} GROUP BY job_id, due_at");
        Assert.Equal(expected, runs.Select(r => ((string)r[0]!, (long)r[1]!)).ToHashSet());
        Assert.All(runs, r => Assert.Equal(1L, (long)r[2]!));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM danvan_job_runs WHERE outcome <> 'succeeded'"));
        // Both processes took part in the race (otherwise the test proves nothing about two instances).
        Assert.Equal(2, await db.ScalarAsync("SELECT COUNT(DISTINCT worker) FROM test_effects"));
    }

    private static Process StartWorker(TestDatabase db, string id)
    {
        var dll = Path.Combine(RepoPaths.Root, "tests", "DanVan.Plugins.Jobs.Worker", RepoPaths.OutputSuffix, "DanVan.Plugins.Jobs.Worker.dll");
        return Process.Start(new ProcessStartInfo("dotnet", [dll, db.Options.ConnectionString!, id])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
    }

    private static async Task<(int ExitCode, string Output)> WaitAsync(Process process)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }

    private static async Task ExecuteAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.Connect().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
