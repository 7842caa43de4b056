using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.Storage;
using DanVan.Plugins.TestPlugins.Ledger.V1;
using Google.Rpc;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>The Ledger test plugin stores entries through the runtime's data API (SQLite under the runtime's data folder).</summary>
public sealed class StorageIntegrationTests
{
    private const string LedgerId = "danvan.testplugins.ledger";

    [Fact]
    public async Task Upgrade_with_a_migration_while_a_client_writes_loses_no_acknowledged_write()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("ledger", "1.0.0");
        var client = new LedgerService.LedgerServiceClient(host.Channel);
        var acknowledged = new List<string>();
        var servedBy = new HashSet<string>();
        var enoughBefore = new TaskCompletionSource();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            // Ten writes at least start after the switch, however long the upgrade took on a loaded machine.
            var afterSwitch = 0;
            for (var i = 0; !stop.IsCancellationRequested || afterSwitch++ < 10 || i < 60; i++)
            {
                var reply = await client.AddEntryAsync(new AddEntryRequest { Id = $"e{i:D5}", Title = $"Bản ghi số {i}" });
                acknowledged.Add(reply.Id);
                servedBy.Add(reply.ServedBy);
                if (i == 30)
                {
                    enoughBefore.TrySetResult();
                }
            }
        });

        await enoughBefore.Task;
        var status = await host.ActivateAsync("ledger", "2.0.0");
        stop.Cancel();
        await writer;

        Assert.Equal("2.0.0", status.ActiveVersion);
        Assert.Equal(["1.0.0", "2.0.0"], servedBy.Order());
        foreach (var id in acknowledged)
        {
            Assert.Equal(id, (await client.GetEntryAsync(new GetEntryRequest { Id = id })).Id);
        }

        var all = await client.SearchEntriesAsync(new SearchEntriesRequest { Query = "ban ghi so" });
        Assert.Equal(acknowledged.Count, all.Entries.Count);
        Assert.Equal("2.0.0", all.Entries[0].ServedBy);
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_old_version_serving_and_the_data_unchanged()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("ledger", "1.0.0");
        var client = new LedgerService.LedgerServiceClient(host.Channel);
        await client.AddEntryAsync(new AddEntryRequest { Id = "giu-nguyen", Title = "Hà Nội" });

        var refused = await Assert.ThrowsAsync<PluginLoadException>(() => host.ActivateAsync("ledger", "2.9.0"));

        Assert.Contains("3 'broken'", refused.Message);
        Assert.Contains("thất bại", refused.Message);
        var status = host.Manager.List().Single(s => s.Id == LedgerId);
        Assert.Equal("1.0.0", status.ActiveVersion);
        Assert.Equal(PluginState.Enabled, status.State);
        Assert.Contains("2.9.0", status.Reason);
        var entry = await client.GetEntryAsync(new GetEntryRequest { Id = "giu-nguyen" });
        Assert.Equal(("Hà Nội", 1L, "1.0.0"), (entry.Title, entry.Version, entry.ServedBy));
        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetEntryAsync(new GetEntryRequest { Id = "from-broken-migration" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        // Migration 2 of 2.9.0 ran in the same transaction: rolled back too, so 2.0.0 applies it now.
        var applied = await AppliedAsync(host);
        Assert.Equal([1], applied);
        await host.ActivateAsync("ledger", "2.0.0");
        Assert.Equal(new[] { 1, 2 }, await AppliedAsync(host));
    }

    [Fact]
    public async Task Rollback_is_allowed_past_rollback_safe_migrations_and_refused_past_others()
    {
        await using var host = await RuntimeHost.StartAsync();
        var client = new LedgerService.LedgerServiceClient(host.Channel);
        await host.ActivateAsync("ledger", "2.0.0");
        await client.AddEntryAsync(new AddEntryRequest { Id = "a", Title = "Trước khi quay lui" });

        var back = await host.ActivateAsync("ledger", "1.0.0");
        Assert.Equal("1.0.0", back.ActiveVersion);
        Assert.Equal("1.0.0", (await client.AddEntryAsync(new AddEntryRequest { Id = "b", Title = "Sau khi quay lui" })).ServedBy);

        await host.ActivateAsync("ledger", "3.0.0");
        var refused = await Assert.ThrowsAsync<PluginLoadException>(() => host.ActivateAsync("ledger", "2.0.0"));

        Assert.Contains("3 'entries_require_category' (3.0.0)", refused.Message);
        Assert.Contains("not rollback-safe", refused.Message);
        Assert.Equal("3.0.0", host.Manager.List().Single(s => s.Id == LedgerId).ActiveVersion);
        Assert.Equal("3.0.0", (await client.GetEntryAsync(new GetEntryRequest { Id = "b" })).ServedBy);
    }

    [Fact]
    public async Task A_stale_update_over_gRPC_is_ABORTED_with_the_Vietnamese_message_and_a_missing_reason_is_INVALID_ARGUMENT()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("ledger", "1.0.0");
        var client = new LedgerService.LedgerServiceClient(host.Channel);
        await client.AddEntryAsync(new AddEntryRequest { Id = "x", Title = "Kế hoạch" });
        var first = await client.UpdateEntryAsync(new UpdateEntryRequest { Id = "x", Note = "Cán bộ A", Version = 1, Reason = "Bổ sung" });

        var stale = await Assert.ThrowsAsync<RpcException>(() => client.UpdateEntryAsync(new UpdateEntryRequest { Id = "x", Note = "Cán bộ B", Version = 1, Reason = "Sửa" }).ResponseAsync);
        var noReason = await Assert.ThrowsAsync<RpcException>(() => client.UpdateEntryAsync(new UpdateEntryRequest { Id = "x", Note = "Cán bộ C", Version = 2 }).ResponseAsync);

        Assert.Equal(2, first.Version);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal("Bản ghi đã được người khác cập nhật; vui lòng tải lại và thử lại.", stale.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, noReason.StatusCode);
        var violation = Assert.Single(noReason.GetRpcStatus()!.Details[0].Unpack<BadRequest>().FieldViolations);
        Assert.Equal("reason", violation.Field);
        Assert.Equal("Cán bộ A", (await client.GetEntryAsync(new GetEntryRequest { Id = "x" })).Note);
    }

    [Fact]
    public async Task After_real_reads_and_writes_the_old_version_unloads()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("ledger", "1.0.0");
        var client = new LedgerService.LedgerServiceClient(host.Channel);
        for (var i = 0; i < 20; i++)
        {
            await client.AddEntryAsync(new AddEntryRequest { Id = $"u{i}", Title = $"Đối thoại {i}" });
            await client.UpdateEntryAsync(new UpdateEntryRequest { Id = $"u{i}", Note = "ghi chú", Version = 1, Reason = "thử" });
        }

        Assert.Equal(20, (await client.SearchEntriesAsync(new SearchEntriesRequest { Query = "doi thoai" })).Entries.Count);
        await host.ActivateAsync("ledger", "2.0.0");
        var report = Assert.Single(await host.Manager.WaitForUnloadsAsync());

        Assert.Equal("1.0.0", report.Version);
        Assert.True(report.Collected, $"1.0.0 still loaded: {string.Join(", ", report.LingeringAssemblies)}");
        Assert.Equal("2.0.0", (await client.GetEntryAsync(new GetEntryRequest { Id = "u3" })).ServedBy);
    }

    [Fact]
    public async Task On_PostgreSQL_reads_writes_a_migration_and_the_unload_work_the_same()
    {
        var cluster = Path.Combine(Path.GetTempPath(), "danvan-runtime-pg-" + Guid.NewGuid().ToString("N"));
        var connectionString = (await PostgresScripts.RunAsync(".ci/pg-up.sh", cluster)).Trim().Split('\n')[^1].Trim();
        try
        {
            await using var host = await RuntimeHost.StartAsync(configure: o =>
            {
                o.Storage.Provider = StorageProvider.Postgres;
                o.Storage.ConnectionString = connectionString;
            });
            await host.ActivateAsync("ledger", "1.0.0");
            var client = new LedgerService.LedgerServiceClient(host.Channel);
            for (var i = 0; i < 10; i++)
            {
                await client.AddEntryAsync(new AddEntryRequest { Id = $"pg{i}", Title = $"Thừa Thiên Huế {i}" });
                await client.UpdateEntryAsync(new UpdateEntryRequest { Id = $"pg{i}", Note = "ghi chú", Version = 1, Reason = "thử" });
            }

            Assert.Equal(10, (await client.SearchEntriesAsync(new SearchEntriesRequest { Query = "thua thien hue" })).Entries.Count);
            var stale = await Assert.ThrowsAsync<RpcException>(() => client.UpdateEntryAsync(new UpdateEntryRequest { Id = "pg1", Note = "x", Version = 1, Reason = "thử" }).ResponseAsync);
            Assert.Equal(StatusCode.Aborted, stale.StatusCode);
            await host.ActivateAsync("ledger", "2.0.0");
            var report = Assert.Single(await host.Manager.WaitForUnloadsAsync());

            Assert.True(report.Collected, $"1.0.0 still loaded: {string.Join(", ", report.LingeringAssemblies)}");
            Assert.Equal(new[] { 1, 2 }, await AppliedAsync(host));
            Assert.Equal(("2.0.0", 2L), ((await client.GetEntryAsync(new GetEntryRequest { Id = "pg9" })).ServedBy, (await client.GetEntryAsync(new GetEntryRequest { Id = "pg9" })).Version));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgresScripts.RunAsync(".ci/pg-down.sh", cluster);
        }
    }

    private static async Task<int[]> AppliedAsync(RuntimeHost host)
    {
        var storage = host.Services.GetRequiredService<PluginStorage>();
        await using var connection = await storage.Connector.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT number FROM danvan_migrations WHERE plugin_id = '{LedgerId}' ORDER BY number";
        await using var reader = await command.ExecuteReaderAsync();
        var numbers = new List<int>();
        while (await reader.ReadAsync())
        {
            numbers.Add(reader.GetInt32(0));
        }

        return [.. numbers];
    }
}
