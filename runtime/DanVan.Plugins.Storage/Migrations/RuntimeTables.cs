using System.Data.Common;

namespace DanVan.Plugins.Storage.Migrations;

/// <summary>
/// The runtime's own tables: applied plugin migrations and the append-only audit log (a trigger
/// refuses UPDATE and DELETE on it). Created idempotently; on PostgreSQL under an advisory lock
/// so two runtime instances starting together do not race.
/// </summary>
internal static class RuntimeTables
{
    private const string PostgresDdl = """
        SELECT pg_advisory_xact_lock(7226081311);
        CREATE TABLE IF NOT EXISTS danvan_migrations (
            plugin_id TEXT NOT NULL, number INTEGER NOT NULL, name TEXT NOT NULL, plugin_version TEXT NOT NULL,
            applied_at TIMESTAMPTZ NOT NULL, rollback_safe BOOLEAN NOT NULL, PRIMARY KEY (plugin_id, number));
        CREATE TABLE IF NOT EXISTS danvan_audit (
            id BIGSERIAL PRIMARY KEY, plugin_id TEXT NOT NULL, record_type TEXT NOT NULL, record_id TEXT NOT NULL,
            action TEXT NOT NULL, actor_user_id TEXT NOT NULL, actor_unit_id TEXT NOT NULL, at TIMESTAMPTZ NOT NULL,
            old_json TEXT, new_json TEXT, reason TEXT);
        CREATE INDEX IF NOT EXISTS ix_danvan_audit_record ON danvan_audit (plugin_id, record_type, record_id, id);
        CREATE OR REPLACE FUNCTION danvan_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'danvan_audit is append-only'; END $$;
        DROP TRIGGER IF EXISTS danvan_audit_append_only ON danvan_audit;
        CREATE TRIGGER danvan_audit_append_only BEFORE UPDATE OR DELETE ON danvan_audit
            FOR EACH ROW EXECUTE FUNCTION danvan_audit_append_only();
        """;

    private const string SqliteDdl = """
        CREATE TABLE IF NOT EXISTS danvan_migrations (
            plugin_id TEXT NOT NULL, number INTEGER NOT NULL, name TEXT NOT NULL, plugin_version TEXT NOT NULL,
            applied_at TEXT NOT NULL, rollback_safe INTEGER NOT NULL, PRIMARY KEY (plugin_id, number));
        CREATE TABLE IF NOT EXISTS danvan_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT, plugin_id TEXT NOT NULL, record_type TEXT NOT NULL, record_id TEXT NOT NULL,
            action TEXT NOT NULL, actor_user_id TEXT NOT NULL, actor_unit_id TEXT NOT NULL, at TEXT NOT NULL,
            old_json TEXT, new_json TEXT, reason TEXT);
        CREATE INDEX IF NOT EXISTS ix_danvan_audit_record ON danvan_audit (plugin_id, record_type, record_id, id);
        CREATE TRIGGER IF NOT EXISTS danvan_audit_no_update BEFORE UPDATE ON danvan_audit BEGIN SELECT RAISE(ABORT, 'danvan_audit is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS danvan_audit_no_delete BEFORE DELETE ON danvan_audit BEGIN SELECT RAISE(ABORT, 'danvan_audit is append-only'); END;
        """;

    public static async Task EnsureAsync(DatabaseConnector connector, CancellationToken cancellationToken = default)
    {
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = connector.Provider == StorageProvider.Postgres ? PostgresDdl : SqliteDdl;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
