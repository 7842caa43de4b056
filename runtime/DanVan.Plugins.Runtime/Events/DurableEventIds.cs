using System.Data.Common;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Jobs;

namespace DanVan.Plugins.Runtime.Events;

/// <summary>
/// Accepted event ids in the runtime's database (danvan_event_ids), so a retry is dropped across
/// restarts and across runtime instances sharing one PostgreSQL. An id is claimed by one atomic
/// upsert: a new id is inserted, an id seen within <see cref="Retention"/> is left alone (a
/// duplicate), and an id older than that counts as new again even before the clean-up deleted it.
/// Instants are BIGINT Unix milliseconds, as in the job tables.
/// </summary>
internal sealed class DurableEventIds(DatabaseConnector connector, TimeProvider timeProvider) : IEventIdLedger
{
    /// <summary>How long an id is remembered: the contract promises at least 30 days.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    // Any constant: serializes the CREATE statements of instances starting together on PostgreSQL.
    private const long PostgresSchemaLock = 0x45_56_49_44; // "EVID"

    private readonly Lock _schemaGate = new();
    private Task? _schema;

    public DatabaseConnector Connector => connector;

    /// <summary>Creates the table if missing; runs once per instance (again only after a failed run).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        lock (_schemaGate)
        {
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = CreateAsync();
            }

            return _schema.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        using var gate = await SqliteWriteGate.EnterAsync(connector, cancellationToken).ConfigureAwait(false);
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        var changed = await Db.ExecuteAsync(
            connection,
            null,
            """
            INSERT INTO danvan_event_ids (event_id, received_at) VALUES (@id, @now)
            ON CONFLICT (event_id) DO UPDATE SET received_at = excluded.received_at
            WHERE danvan_event_ids.received_at < @forgotten
            """,
            cancellationToken,
            ("@id", eventId),
            ("@now", Db.Millis(now)),
            ("@forgotten", Db.Millis(now - Retention))).ConfigureAwait(false);
        return changed > 0;
    }

    /// <summary>Deletes the ids older than <see cref="Retention"/>; returns how many.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        using var gate = await SqliteWriteGate.EnterAsync(connector, cancellationToken).ConfigureAwait(false);
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await Db.ExecuteAsync(
            connection,
            null,
            "DELETE FROM danvan_event_ids WHERE received_at < @forgotten",
            cancellationToken,
            ("@forgotten", Db.Millis(timeProvider.GetUtcNow() - Retention))).ConfigureAwait(false);
    }

    private async Task CreateAsync()
    {
        await using var connection = await connector.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
        if (connector.Provider == StorageProvider.Postgres)
        {
            await Db.ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresSchemaLock})", CancellationToken.None).ConfigureAwait(false);
        }

        await Db.ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS danvan_event_ids (event_id TEXT PRIMARY KEY, received_at BIGINT NOT NULL)", CancellationToken.None).ConfigureAwait(false);
        await Db.ExecuteAsync(connection, transaction, "CREATE INDEX IF NOT EXISTS ix_danvan_event_ids_received ON danvan_event_ids (received_at)", CancellationToken.None).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
