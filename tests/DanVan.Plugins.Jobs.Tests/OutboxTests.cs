using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Jobs.Tests.Infrastructure;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Jobs;

namespace DanVan.Plugins.Jobs.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class OutboxTests(PostgresCluster cluster)
{
    private const string Plugin = "danvan.tasks";
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task HostDown_NotificationsWait_ThenEachIsDeliveredOnce(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var hostState = new NotificationHost.State { LoseFirstAnswer = true };
        int port;
        await using (var first = await NotificationHost.StartAsync(hostState))
        {
            port = first.Port;
        }

        var outbox = new NotificationOutbox(db.Connect(), new FakeTimeProvider(T0));
        var keys = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            keys.Add(await outbox.ForPlugin(Plugin).EnqueueAsync(Reminder($"Nhiệm vụ {i} sắp đến hạn")));
        }

        using var channel = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{port}"));
        var dispatcher = new OutboxDispatcher(outbox, new NotificationsService.NotificationsServiceClient(channel), new FakeTimeProvider(T0));

        var sentWhileDown = await dispatcher.DispatchDueAsync(T0) + await dispatcher.DispatchDueAsync(T0.AddMinutes(10));
        var whileDown = await db.RowsAsync("SELECT state, last_error FROM danvan_outbox WHERE attempts > 0");

        Assert.Equal(0, sentWhileDown);
        Assert.Equal(5, await db.ScalarAsync("SELECT COUNT(*) FROM danvan_outbox WHERE state = 'pending'"));
        Assert.All(whileDown, r => Assert.Contains("Unavailable", (string)r[1]!, StringComparison.Ordinal));

        await using var back = await NotificationHost.StartAsync(hostState, port);
        var now = T0.AddMinutes(20);
        var sent = 0;
        for (var pass = 0; pass < 40 && sent < keys.Count; pass++, now = now.AddMinutes(10))
        {
            sent += await dispatcher.DispatchDueAsync(now);
        }

        Assert.Equal(5, sent);
        Assert.Equal(keys.Order(), hostState.Delivered.Keys.Order());
        // Every first answer was lost, so every notification reached the host at least twice, and the host delivered it once.
        Assert.All(keys, k => Assert.True(hostState.Received.Count(r => r.IdempotencyKey == k) >= 2));
        Assert.All(hostState.Received, r => Assert.Equal(Plugin, r.PluginId));
        var rows = await db.RowsAsync("SELECT idempotency_key, state, notification_id FROM danvan_outbox");
        Assert.All(rows, r => Assert.Equal(("sent", hostState.Delivered[(string)r[0]!]), ((string)r[1]!, (string)r[2]!)));
    }

    [Fact]
    public async Task ThreeDispatchers_OnOnePostgres_SendEachNotificationOnce()
    {
        await using var db = await TestDatabase.CreateAsync(StorageProvider.Postgres, cluster);
        var hostState = new NotificationHost.State();
        await using var host = await NotificationHost.StartAsync(hostState);
        var outbox = new NotificationOutbox(db.Connect(), new FakeTimeProvider(T0)).ForPlugin(Plugin);
        for (var i = 0; i < 200; i++)
        {
            await outbox.EnqueueAsync(Reminder($"Nhắc việc {i}"));
        }

        using var channel = GrpcChannel.ForAddress(host.Address);
        var dispatchers = new[] { "a", "b", "c" }.Select(id => new OutboxDispatcher(
            new NotificationOutbox(db.Connect(), new FakeTimeProvider(T0)),
            new NotificationsService.NotificationsServiceClient(channel),
            new FakeTimeProvider(T0),
            new OutboxDispatcherOptions { WorkerId = id, BatchSize = 1 })).ToArray();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // One message per claim and a common start, so the claims of the instances collide often.
        var running = dispatchers.Select(d => Task.Run(async () =>
        {
            await go.Task;
            return await d.DispatchDueAsync(T0);
        })).ToArray();
        go.SetResult();
        var sent = await Task.WhenAll(running);

        Assert.Equal(200, sent.Sum());
        Assert.Equal(200, hostState.Received.Count);
        Assert.Equal(200, hostState.Delivered.Count);
        Assert.Equal(200, await db.ScalarAsync("SELECT COUNT(*) FROM danvan_outbox WHERE state = 'sent'"));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task HostRefusal_IsDeadLetteredWithItsReason_AndDoesNotBlockOthers(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var hostState = new NotificationHost.State();
        await using var host = await NotificationHost.StartAsync(hostState);
        var outbox = new NotificationOutbox(db.Connect(), new FakeTimeProvider(T0));
        var bad = await outbox.ForPlugin(Plugin).EnqueueAsync(Reminder("SAI người nhận", user: "khong-co"));
        var good = await outbox.ForPlugin(Plugin).EnqueueAsync(Reminder("Có 2 nhiệm vụ mới được giao"));
        using var channel = GrpcChannel.ForAddress(host.Address);
        var dispatcher = new OutboxDispatcher(outbox, new NotificationsService.NotificationsServiceClient(channel), new FakeTimeProvider(T0));

        var sent = await dispatcher.DispatchDueAsync(T0);
        var later = await dispatcher.DispatchDueAsync(T0.AddDays(1));

        Assert.Equal((1, 0), (sent, later));
        Assert.Equal([good], hostState.Delivered.Keys);
        var dead = Assert.Single(await db.RowsAsync($"SELECT state, last_error FROM danvan_outbox WHERE idempotency_key = '{bad}'"));
        Assert.Equal("dead", dead[0]);
        Assert.Equal("NotFound: Không tìm thấy người dùng khong-co", dead[1]);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task EnqueueInCallersTransaction_CommitsAndRollsBackWithIt(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var connector = db.Connect();
        var outbox = new NotificationOutbox(connector, new FakeTimeProvider(T0)).ForPlugin(Plugin);
        await using var connection = await connector.OpenAsync();
        await Execute(connection, null, "CREATE TABLE giao_viec (id INTEGER PRIMARY KEY, tieu_de TEXT NOT NULL)");

        await using (var rolledBack = await connection.BeginTransactionAsync())
        {
            await Execute(connection, rolledBack, "INSERT INTO giao_viec VALUES (1, 'Tuyên truyền luật đất đai')");
            await outbox.EnqueueAsync(Reminder("Nhiệm vụ mới: Tuyên truyền luật đất đai"), rolledBack);
            await rolledBack.RollbackAsync();
        }

        var afterRollback = await db.ScalarAsync("SELECT COUNT(*) FROM danvan_outbox");
        await using (var committed = await connection.BeginTransactionAsync())
        {
            await Execute(connection, committed, "INSERT INTO giao_viec VALUES (2, 'Họp dân khu phố 3')");
            await outbox.EnqueueAsync(Reminder("Nhiệm vụ mới: Họp dân khu phố 3"), committed);
            await committed.CommitAsync();
        }

        Assert.Equal(0, afterRollback);
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM danvan_outbox"));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM giao_viec"));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Enqueue_RejectsBadRequests_AndDeduplicatesItsOwnKey(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var outbox = new NotificationOutbox(db.Connect(), new FakeTimeProvider(T0)).ForPlugin(Plugin);

        await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(Reminder("")));
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(new SendNotificationRequest { Title = "Không người nhận" }));
        var badKey = Reminder("Có khoá sai");
        badKey.IdempotencyKey = "khoá có dấu";
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(badKey));
        var keyed = Reminder("Nhắc một lần");
        keyed.IdempotencyKey = "danvan.tasks:nhac:42";
        var first = await outbox.EnqueueAsync(keyed);
        var second = await outbox.EnqueueAsync(keyed);

        Assert.Equal(("danvan.tasks:nhac:42", "danvan.tasks:nhac:42"), (first, second));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM danvan_outbox"));
        Assert.Equal(string.Empty, keyed.PluginId);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task HostedDispatcher_SendsAnEnqueuedNotificationWithoutWaitingForItsPoll(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, cluster);
        var hostState = new NotificationHost.State();
        await using var host = await NotificationHost.StartAsync(hostState);
        var clock = new FakeTimeProvider(T0);
        var outbox = new NotificationOutbox(db.Connect(), clock);
        using var channel = GrpcChannel.ForAddress(host.Address);
        var dispatcher = new OutboxDispatcher(outbox, new NotificationsService.NotificationsServiceClient(channel), clock, new OutboxDispatcherOptions { PollInterval = TimeSpan.FromHours(1), PollClock = clock });
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        clock.TimerCreated += due =>
        {
            if (due == TimeSpan.FromHours(1))
            {
                idle.TrySetResult();
            }
        };

        await dispatcher.StartAsync(CancellationToken.None);
        await idle.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var key = await outbox.ForPlugin(Plugin).EnqueueAsync(Reminder("Báo cáo quý IV đã được duyệt"));
        var delivered = await hostState.FirstDelivery.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(key, delivered);
        Assert.Equal(T0, clock.GetUtcNow());
    }

    private static SendNotificationRequest Reminder(string title, string user = "can-bo-01") => new()
    {
        Title = title,
        Body = "Hạn: 30/11/2026",
        UserIds = { user },
        Severity = NotificationSeverity.Warning,
    };

    private static async Task Execute(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
