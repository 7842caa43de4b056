using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Runtime.Events;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.Storage;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>The contract's "the runtime remembers ids for at least 30 days": ids live in the runtime's database.</summary>
public sealed class EventIdLedgerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_repeat_after_a_restart_over_the_same_SQLite_file_is_a_duplicate()
    {
        var root = Path.Combine(Path.GetTempPath(), "danvan-runtime-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = await RuntimeHost.StartAsync(root: root))
            {
                Assert.Equal(1, (await PublishAsync(first, "ev-restart")).AcceptedCount);
            }

            await using var second = await RuntimeHost.StartAsync(root: root);
            var repeat = await PublishAsync(second, "ev-restart");
            var other = await PublishAsync(second, "ev-after-restart");

            Assert.Equal((0, 1), (repeat.AcceptedCount, repeat.DuplicateCount));
            Assert.Equal((1, 0), (other.AcceptedCount, other.DuplicateCount));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Two_runtimes_on_one_PostgreSQL_accept_each_id_once()
    {
        var cluster = Path.Combine(Path.GetTempPath(), "danvan-runtime-pg-" + Guid.NewGuid().ToString("N"));
        var connectionString = (await PostgresScripts.RunAsync(".ci/pg-up.sh", cluster)).Trim().Split('\n')[^1].Trim();
        try
        {
            void OnPostgres(PluginRuntimeOptions o)
            {
                o.Storage.Provider = StorageProvider.Postgres;
                o.Storage.ConnectionString = connectionString;
            }

            // Started together: both create the table at once.
            var starting = await Task.WhenAll(RuntimeHost.StartAsync(configure: OnPostgres), RuntimeHost.StartAsync(configure: OnPostgres));
            await using var a = starting[0];
            await using var b = starting[1];
            var ids = Enumerable.Range(0, 40).Select(i => $"ev-pg-{i}").ToList();

            // Each id reaches both runtimes at the same time, as a host retrying through a balancer would.
            var answers = await Task.WhenAll(ids.Select(async id =>
            {
                var both = await Task.WhenAll(PublishAsync(a, id), PublishAsync(b, id));
                return (Accepted: both.Sum(r => r.AcceptedCount), Duplicates: both.Sum(r => r.DuplicateCount));
            }));
            var late = await PublishAsync(b, ids[0]);

            Assert.All(answers, answer => Assert.Equal((1, 1), answer));
            Assert.Equal((0, 1), (late.AcceptedCount, late.DuplicateCount));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await PostgresScripts.RunAsync(".ci/pg-down.sh", cluster);
        }
    }

    [Fact]
    public async Task Ids_are_remembered_30_days_then_forgotten_and_deleted_by_the_clean_up()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await RuntimeHost.StartAsync(
            configure: o => o.EventIdCleanupInterval = TimeSpan.FromDays(1),
            services: s => s.AddSingleton<TimeProvider>(clock));
        var cleanup = host.Services.GetServices<IHostedService>().OfType<EventIdCleanup>().Single();
        Assert.Equal(1, (await PublishAsync(host, "ev-old")).AcceptedCount);

        clock.Advance(TimeSpan.FromDays(30));
        await cleanup.LastRun;
        var atThirtyDays = await PublishAsync(host, "ev-old");
        Assert.Equal(1, (await PublishAsync(host, "ev-recent")).AcceptedCount);
        Assert.Equal(["ev-old", "ev-recent"], await StoredIdsAsync(host));

        clock.Advance(TimeSpan.FromDays(1));
        var deleted = await cleanup.LastRun;

        Assert.Equal((0, 1), (atThirtyDays.AcceptedCount, atThirtyDays.DuplicateCount));
        Assert.Equal(1, deleted);
        Assert.Equal(["ev-recent"], await StoredIdsAsync(host));
        Assert.Equal((1, 1), ((await PublishAsync(host, "ev-old")).AcceptedCount, (await PublishAsync(host, "ev-recent")).DuplicateCount));
    }

    [Fact]
    public async Task An_expired_id_counts_as_new_even_before_the_clean_up_deleted_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "danvan-ids-" + Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(Start);
        var connector = DatabaseConnector.Create(new StorageOptions(), root);
        try
        {
            var ledger = new DurableEventIds(connector, clock);
            Assert.True(await ledger.TryClaimAsync("ev-1", CancellationToken.None));
            Assert.False(await ledger.TryClaimAsync("ev-1", CancellationToken.None));

            clock.Advance(DurableEventIds.Retention);
            Assert.False(await ledger.TryClaimAsync("ev-1", CancellationToken.None));

            clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.True(await ledger.TryClaimAsync("ev-1", CancellationToken.None));
            Assert.False(await ledger.TryClaimAsync("ev-1", CancellationToken.None));
        }
        finally
        {
            await connector.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_database_the_ids_are_kept_in_memory()
    {
        await using var host = await RuntimeHost.StartAsync(services: s => s.AddSingleton<IEventIdLedger>(new RecentEventIds(2)));

        var answers = new List<int>();
        foreach (var id in new[] { "a", "a", "b", "c", "a" })
        {
            answers.Add((await PublishAsync(host, id)).AcceptedCount);
        }

        // Capacity 2: "a" was pushed out by "b" and "c", so its last repeat is accepted again.
        Assert.Equal([1, 0, 1, 1, 1], answers);
        Assert.Equal(0L, await ScalarAsync(host, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'danvan_event_ids'"));
    }

    private static Task<PublishEventResponse> PublishAsync(RuntimeHost host, string eventId) =>
        new EventsService.EventsServiceClient(host.Channel).PublishEventAsync(new PublishEventRequest
        {
            Event = new Event
            {
                EventId = eventId,
                OccurredAt = Timestamp.FromDateTimeOffset(Start),
                DocumentIssued = new DocumentIssuedEvent { DocumentId = "vb-" + eventId },
            },
        }).ResponseAsync;

    private static async Task<long> ScalarAsync(RuntimeHost host, string sql)
    {
        await using var connection = await host.Services.GetRequiredService<DatabaseConnector>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string[]> StoredIdsAsync(RuntimeHost host)
    {
        await using var connection = await host.Services.GetRequiredService<DatabaseConnector>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id FROM danvan_event_ids ORDER BY event_id";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return [.. ids];
    }
}
