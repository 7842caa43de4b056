using System.Data.Common;

namespace DanVan.Plugins.Storage.Jobs;

/// <summary>
/// The runtime-owned job and outbox tables, created on start if missing. Instants are BIGINT Unix
/// milliseconds (UTC) on both engines so the same comparisons and orderings hold everywhere.
/// </summary>
internal static class JobSchema
{
    // Any constant: serializes the CREATE statements of instances starting together on PostgreSQL,
    // where concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog.
    private const long PostgresSchemaLock = 0x4A_4F_42_53; // "JOBS"

    public static async Task EnsureCreatedAsync(DatabaseConnector connector, CancellationToken cancellationToken)
    {
        var postgres = connector.Provider == StorageProvider.Postgres;
        var identity = postgres ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
        var bytes = postgres ? "BYTEA" : "BLOB";
        string[] statements =
        [
            """
            CREATE TABLE IF NOT EXISTS danvan_jobs (
                id TEXT PRIMARY KEY,
                plugin_id TEXT NOT NULL,
                job_key TEXT NOT NULL,
                job_name TEXT NOT NULL,
                schedule TEXT NOT NULL,
                payload TEXT NULL,
                max_attempts INTEGER NOT NULL,
                state TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                cancelled_at BIGINT NULL,
                UNIQUE (plugin_id, job_key))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS danvan_job_occurrences (
                id {identity},
                job_id TEXT NOT NULL REFERENCES danvan_jobs (id),
                plugin_id TEXT NOT NULL,
                due_at BIGINT NOT NULL,
                run_at BIGINT NOT NULL,
                attempt INTEGER NOT NULL DEFAULT 0,
                state TEXT NOT NULL,
                locked_by TEXT NULL,
                lease_until BIGINT NULL,
                last_error TEXT NULL,
                finished_at BIGINT NULL,
                UNIQUE (job_id, due_at))
            """,
            "CREATE INDEX IF NOT EXISTS ix_danvan_job_occurrences_due ON danvan_job_occurrences (state, run_at)",
            $"""
            CREATE TABLE IF NOT EXISTS danvan_job_runs (
                id {identity},
                occurrence_id BIGINT NOT NULL,
                job_id TEXT NOT NULL,
                due_at BIGINT NOT NULL,
                attempt INTEGER NOT NULL,
                worker TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                finished_at BIGINT NOT NULL,
                outcome TEXT NOT NULL,
                error TEXT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS ix_danvan_job_runs_job ON danvan_job_runs (job_id, due_at)",
            $"""
            CREATE TABLE IF NOT EXISTS danvan_outbox (
                id {identity},
                plugin_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL UNIQUE,
                request {bytes} NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at BIGINT NOT NULL,
                locked_by TEXT NULL,
                lease_until BIGINT NULL,
                last_error TEXT NULL,
                created_at BIGINT NOT NULL,
                sent_at BIGINT NULL,
                notification_id TEXT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS ix_danvan_outbox_due ON danvan_outbox (state, next_attempt_at)",
        ];

        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (postgres)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresSchemaLock})", cancellationToken).ConfigureAwait(false);
        }

        foreach (var sql in statements)
        {
            await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
