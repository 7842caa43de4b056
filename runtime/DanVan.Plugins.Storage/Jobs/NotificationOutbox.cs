using System.Data.Common;
using System.Text.RegularExpressions;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Jobs;
using Google.Protobuf;

namespace DanVan.Plugins.Storage.Jobs;

/// <summary>
/// The notification outbox (table <c>danvan_outbox</c>): plugins enqueue through
/// <see cref="ForPlugin"/>, an <see cref="OutboxDispatcher"/> sends to the host. Rows move
/// pending → sending (leased) → sent, or → dead when the host refuses the request as invalid.
/// </summary>
public sealed partial class NotificationOutbox
{
    private readonly DatabaseConnector _connector;
    private readonly TimeProvider _time;

    /// <summary>Creates the outbox; the tables come from <see cref="JobStore.EnsureCreatedAsync"/>.</summary>
    public NotificationOutbox(DatabaseConnector connector, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _connector = connector;
        _time = timeProvider;
    }

    internal WakeSignal Changed { get; } = new();

    /// <summary>The outbox a plugin receives in its services (with the <c>notifications:send</c> permission).</summary>
    public INotificationOutbox ForPlugin(string pluginId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        return new PluginNotificationOutbox(this, pluginId);
    }

    internal async Task<string> EnqueueAsync(string pluginId, SendNotificationRequest request, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = request.Clone();
        message.PluginId = pluginId;
        if (message.IdempotencyKey.Length == 0)
        {
            message.IdempotencyKey = $"{pluginId}:{Guid.NewGuid():N}";
        }

        // The host's own rules (notifications_service.proto), checked here so a bad request fails
        // in the caller's hands instead of being dead-lettered later.
        if (!KeyPattern().IsMatch(message.IdempotencyKey))
        {
            throw new ArgumentException("IdempotencyKey must be 1..128 characters of [A-Za-z0-9._:-].", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(message.Title) || message.Title.Length > 200)
        {
            throw new ArgumentException("Title is required, at most 200 characters.", nameof(request));
        }

        if (message.UserIds.Count == 0 && message.OrgUnitIds.Count == 0)
        {
            throw new ArgumentException("At least one UserIds or OrgUnitIds entry is required.", nameof(request));
        }

        var now = Db.Millis(_time.GetUtcNow());
        const string Sql = """
            INSERT INTO danvan_outbox (plugin_id, idempotency_key, request, state, attempts, next_attempt_at, created_at)
            VALUES (@plugin, @key, @request, 'pending', 0, @now, @now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """;
        (string, object?)[] parameters = [("@plugin", pluginId), ("@key", message.IdempotencyKey), ("@request", message.ToByteArray()), ("@now", now)];
        if (transaction is not null)
        {
            var connection = transaction.Connection
                ?? throw new ArgumentException("The transaction has completed.", nameof(transaction));
            await Db.ExecuteAsync(connection, transaction, Sql, cancellationToken, parameters).ConfigureAwait(false);
            // Woken early, the dispatcher may not see the row before the caller commits; it then finds it at its next poll.
        }
        else
        {
            using var gate = await SqliteWriteGate.EnterAsync(_connector, cancellationToken).ConfigureAwait(false);
            await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
            await Db.ExecuteAsync(connection, null, Sql, cancellationToken, parameters).ConfigureAwait(false);
        }

        Changed.Set();
        return message.IdempotencyKey;
    }

    /// <summary>Leases due messages (pending and due, or sending with an expired lease), oldest first.</summary>
    internal async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string worker, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        var skipLocked = _connector.Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        using var gate = await SqliteWriteGate.EnterAsync(_connector, cancellationToken).ConfigureAwait(false);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Db.Command(connection, null, $"""
            UPDATE danvan_outbox
            SET state = 'sending', locked_by = @worker, lease_until = @lease, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM danvan_outbox
                WHERE (state = 'pending' AND next_attempt_at <= @now) OR (state = 'sending' AND lease_until < @now)
                ORDER BY id
                LIMIT @limit
                {skipLocked})
            RETURNING id, idempotency_key, request, attempts
            """, ("@worker", worker), ("@lease", Db.Millis(now + lease)), ("@now", Db.Millis(now)), ("@limit", limit));
        var messages = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            messages.Add(new OutboxMessage(reader.GetInt64(0), reader.GetString(1), SendNotificationRequest.Parser.ParseFrom((byte[])reader.GetValue(2)), reader.GetInt32(3)));
        }

        messages.Sort((a, b) => a.Id.CompareTo(b.Id));
        return messages;
    }

    /// <summary>The earliest instant a message falls due (a retry, or a lease running out), or null when nothing waits.</summary>
    internal async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Db.Command(connection, null, """
            SELECT MIN(CASE WHEN state = 'pending' THEN next_attempt_at ELSE lease_until END)
            FROM danvan_outbox WHERE state IN ('pending', 'sending')
            """);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull
            ? Db.Instant(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    internal Task MarkSentAsync(OutboxMessage message, string worker, string notificationId, DateTimeOffset now, CancellationToken cancellationToken) =>
        UpdateAsync(message, worker, "state = 'sent', sent_at = @now, notification_id = @detail", now, notificationId, cancellationToken);

    internal Task RetryLaterAsync(OutboxMessage message, string worker, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        UpdateAsync(message, worker, "state = 'pending', next_attempt_at = @now, last_error = @detail", retryAt, error, cancellationToken);

    internal Task DeadLetterAsync(OutboxMessage message, string worker, DateTimeOffset now, string error, CancellationToken cancellationToken) =>
        UpdateAsync(message, worker, "state = 'dead', next_attempt_at = @now, last_error = @detail", now, error, cancellationToken);

    /// <summary>Gives a message back untried (the host went away earlier in the batch).</summary>
    internal Task ReleaseAsync(OutboxMessage message, string worker, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        UpdateAsync(message, worker, "state = 'pending', attempts = attempts - 1, next_attempt_at = @now, last_error = COALESCE(@detail, last_error)", retryAt, null, cancellationToken);

    private async Task UpdateAsync(OutboxMessage message, string worker, string set, DateTimeOffset now, string? detail, CancellationToken cancellationToken)
    {
        using var gate = await SqliteWriteGate.EnterAsync(_connector, cancellationToken).ConfigureAwait(false);
        await using var connection = await _connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await Db.ExecuteAsync(connection, null, $"""
            UPDATE danvan_outbox SET {set}, locked_by = NULL, lease_until = NULL
            WHERE id = @id AND locked_by = @worker AND attempts = @attempts AND state = 'sending'
            """, cancellationToken,
            ("@now", Db.Millis(now)), ("@detail", detail), ("@id", message.Id), ("@worker", worker), ("@attempts", message.Attempts)).ConfigureAwait(false);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex KeyPattern();
}
