using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.Storage;
using DanVan.Plugins.TestPlugins.Ledger.V1;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>kill -9 of the runtime server mid-write, then a restart over the same folders (SQLite, WAL).</summary>
public sealed class RuntimeCrashTests
{
    private const string LedgerService = "danvan.testplugins.ledger.v1.LedgerService";

    [Fact]
    public async Task KillNine_MidWrite_ThenRestart_EveryAcknowledgedRecordIsThere_AndNothingHalfWritten()
    {
        var root = Path.Combine(Path.GetTempPath(), "danvan-crash-" + Guid.NewGuid().ToString("N"));
        // Installed as provincial IT would: a signed package copied into the drop folder.
        TestPackages.Pack("ledger", "1.0.0", Path.Combine(root, "drop"));
        try
        {
            var acknowledged = new List<string>();
            await using (var server = await RuntimeServerProcess.StartAsync(root, LedgerService, TimeSpan.FromSeconds(90)))
            {
                var client = new LedgerService.LedgerServiceClient(server.Channel);
                using var stop = new CancellationTokenSource();
                var killed = new TaskCompletionSource();
                var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
                {
                    for (var i = 0; ; i++)
                    {
                        try
                        {
                            var reply = await client.AddEntryAsync(new AddEntryRequest { Id = $"w{w}-{i:D5}", Title = $"Bản ghi {w}-{i}" });
                            lock (acknowledged)
                            {
                                acknowledged.Add(reply.Id);
                                if (acknowledged.Count == 200)
                                {
                                    killed.TrySetResult();
                                }
                            }
                        }
                        catch (RpcException)
                        {
                            return; // the server died under this call: its outcome is unknown, which is allowed
                        }
                    }
                })).ToArray();

                await killed.Task.WaitAsync(TimeSpan.FromSeconds(90));
                await server.KillAsync();
                await Task.WhenAll(writers);
            }

            await using var restarted = await RuntimeServerProcess.StartAsync(root, LedgerService, TimeSpan.FromSeconds(90));
            var all = await new LedgerService.LedgerServiceClient(restarted.Channel).SearchEntriesAsync(new SearchEntriesRequest { Query = "ban ghi" });
            var stored = all.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

            Assert.True(acknowledged.Count >= 200);
            Assert.All(acknowledged, id => Assert.Contains(id, stored));
            // At most the four calls in flight at the kill may have committed without an answer.
            Assert.InRange(stored.Count, acknowledged.Count, acknowledged.Count + 4);
            // A record and its audit row are one transaction: both or neither.
            Assert.Equal(stored.Count, await CountAuditRowsAsync(Path.Combine(root, "data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<long> CountAuditRowsAsync(string dataDirectory)
    {
        await using var connector = DatabaseConnector.Create(new StorageOptions(), dataDirectory);
        await using var connection = await connector.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM danvan_audit WHERE plugin_id = 'danvan.testplugins.ledger'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
