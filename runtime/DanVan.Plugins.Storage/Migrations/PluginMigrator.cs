using System.Data.Common;
using System.Globalization;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Sql;

namespace DanVan.Plugins.Storage.Migrations;

/// <summary>
/// Brings a plugin's schema to what a plugin version expects, in ONE transaction, before that
/// version takes traffic. Refuses (changing nothing) when the database holds a migration the
/// version does not know and that migration is not rollback-safe, or when a known number was
/// applied under another name. A failing migration rolls everything back.
/// </summary>
internal sealed class PluginMigrator(DatabaseConnector connector, TimeProvider time)
{
    private readonly SqlDialect _dialect = SqlDialect.For(connector.Provider);

    public async Task<MigrationOutcome> MigrateAsync(string pluginId, string pluginVersion, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        var duplicate = migrations.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MigrationException(
                $"Plugin '{pluginId}' {pluginVersion} khai báo hai migration cùng số {duplicate.Key}. / Plugin '{pluginId}' {pluginVersion} declares migration number {duplicate.Key} twice.");
        }

        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (connector.Provider == StorageProvider.Postgres)
        {
            // One migrator per plugin at a time, across runtime instances.
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock(hashtext('danvan.migrate.' || {Literal(pluginId)})); CREATE SCHEMA IF NOT EXISTS {SqlDialect.Quote(_dialect.SchemaName(pluginId))}", cancellationToken).ConfigureAwait(false);
        }

        var applied = await ReadAppliedAsync(connection, transaction, pluginId, cancellationToken).ConfigureAwait(false);
        var known = migrations.ToDictionary(m => m.Number);
        foreach (var row in applied)
        {
            if (known.TryGetValue(row.Number, out var mine) && !string.Equals(mine.Name, row.Name, StringComparison.Ordinal))
            {
                throw new MigrationException(
                    $"Plugin '{pluginId}' {pluginVersion}: migration số {row.Number} đã được áp dụng với tên '{row.Name}' (phiên bản {row.PluginVersion}) nhưng phiên bản này gọi là '{mine.Name}'; không thay đổi gì. / "
                    + $"Plugin '{pluginId}' {pluginVersion}: migration {row.Number} was applied as '{row.Name}' by {row.PluginVersion} but this version calls it '{mine.Name}'; nothing was changed.");
            }
        }

        var blocking = applied.Where(a => !known.ContainsKey(a.Number) && !a.RollbackSafe).ToList();
        if (blocking.Count > 0)
        {
            var list = string.Join(", ", blocking.Select(b => $"{b.Number} '{b.Name}' ({b.PluginVersion})"));
            throw new MigrationException(
                $"Không thể chạy plugin '{pluginId}' phiên bản {pluginVersion}: dữ liệu đã được nâng cấp bởi migration {list} không an toàn khi quay lui; hãy dùng phiên bản mới hơn. / "
                + $"Cannot run plugin '{pluginId}' {pluginVersion}: the data was migrated by {list}, which is not rollback-safe; use a newer version.");
        }

        var done = applied.Select(a => a.Number).ToHashSet();
        var pending = migrations.Where(m => !done.Contains(m.Number)).OrderBy(m => m.Number).ToList();
        var now = _dialect.ToDb(time.GetUtcNow());
        foreach (var migration in pending)
        {
            var sql = _dialect.ExpandPlaceholders(
                (connector.Provider == StorageProvider.Postgres ? migration.PostgresSql : migration.SqliteSql) ?? migration.Sql,
                pluginId);
            try
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
                await using var record = RuntimeTables.Command(connection, transaction,
                    "INSERT INTO danvan_migrations (plugin_id, number, name, plugin_version, applied_at, rollback_safe) VALUES (@m0, @m1, @m2, @m3, @m4, @m5)");
                Add(record, "@m0", pluginId);
                Add(record, "@m1", migration.Number);
                Add(record, "@m2", migration.Name);
                Add(record, "@m3", pluginVersion);
                Add(record, "@m4", now);
                Add(record, "@m5", _dialect.ToDb(migration.RollbackSafe));
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                throw new MigrationException(
                    $"Migration {migration.Number} '{migration.Name}' của plugin '{pluginId}' {pluginVersion} thất bại: {ex.Message}. Đã hoàn tác; phiên bản đang chạy vẫn phục vụ, dữ liệu không thay đổi. / "
                    + $"Migration {migration.Number} '{migration.Name}' of plugin '{pluginId}' {pluginVersion} failed: {ex.Message}. Rolled back; the serving version keeps serving and the data is unchanged.",
                    ex);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new MigrationOutcome(
            pending.Select(m => $"{m.Number} {m.Name}").ToList(),
            pending.Where(m => !m.RollbackSafe).Select(m => $"{m.Number} {m.Name}").ToList());
    }

    /// <summary>The migrations recorded for a plugin, in number order.</summary>
    public async Task<IReadOnlyList<AppliedMigration>> AppliedAsync(string pluginId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connector.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAppliedAsync(connection, transaction, pluginId, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<AppliedMigration>> ReadAppliedAsync(DbConnection connection, DbTransaction transaction, string pluginId, CancellationToken cancellationToken)
    {
        await using var command = RuntimeTables.Command(connection, transaction,
            "SELECT number, name, plugin_version, rollback_safe FROM danvan_migrations WHERE plugin_id = @m0 ORDER BY number");
        Add(command, "@m0", pluginId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = RuntimeTables.Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static string Describe(IEnumerable<Migration> migrations) =>
        string.Join(", ", migrations.Select(m => m.Number.ToString(CultureInfo.InvariantCulture) + " " + m.Name));
}
