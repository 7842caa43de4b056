using System.Diagnostics;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Tests.Infrastructure;

namespace DanVan.Plugins.Storage.Tests;

public sealed class CrashTests(PostgresCluster cluster) : StorageTestBase(cluster)
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Kill_9_mid_write_keeps_every_committed_batch_and_no_half_batch(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider, migrate: false);
        var writer = Path.Combine(RepoPaths.Root, "tests", "DanVan.Plugins.Storage.CrashWriter", "bin",
            new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name, "net10.0", "DanVan.Plugins.Storage.CrashWriter.dll");
        Assert.True(File.Exists(writer), writer);
        var start = new ProcessStartInfo("dotnet", [writer, provider.ToString(), db.ConnectionString]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var committed = new List<long>();
        while (committed.Count < 40 && await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("committed ", StringComparison.Ordinal))
            {
                committed.Add(long.Parse(line["committed ".Length..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (committed.Count < 40)
        {
            Assert.Fail("The writer stopped early: " + await process.StandardError.ReadToEndAsync());
        }

        process.Kill(); // SIGKILL on Unix: no finally blocks, no flush, mid-transaction.
        await process.WaitForExitAsync();

        var reopened = new PluginStorage(DatabaseConnector.Create(new StorageOptions { Provider = provider, ConnectionString = db.ConnectionString }, Path.GetTempPath()), TimeProvider.System);
        var data = reopened.CreateData("danvan.crash");
        var rows = await data.QueryAsync<BatchCount>("SELECT batch, COUNT(*) AS parts FROM {table:entries} GROUP BY batch");
        var byBatch = rows.ToDictionary(r => r.Batch, r => r.Parts);
        Assert.All(committed, b => Assert.Equal(3, byBatch.GetValueOrDefault(b)));
        Assert.All(byBatch, kv => Assert.Equal(3, kv.Value));
        Assert.Equal(byBatch.Count * 3L, (await data.QueryAsync<BatchCount>("SELECT COUNT(*) AS parts FROM danvan_audit WHERE plugin_id = 'danvan.crash'"))[0].Parts);
        await reopened.Connector.DisposeAsync();
    }

    public sealed class BatchCount
    {
        public long Batch { get; set; }

        public long Parts { get; set; }
    }
}
