namespace DanVan.Plugins.Data;

/// <summary>
/// One versioned change to the plugin's tables. The runtime applies pending migrations in number
/// order, all in one transaction, before a plugin version takes traffic; applied ones are never
/// run again. The SQL may hold several statements and these placeholders:
/// <c>{table:name}</c> → the plugin's table (<c>"p_danvan_tasks"."name"</c> on PostgreSQL,
/// <c>"danvan_tasks__name"</c> on SQLite) and <c>{name:ix}</c> → a plugin-unique object name for
/// indexes and constraints. Portable types: TEXT, BIGINT, INTEGER, BOOLEAN, NUMERIC, DATE,
/// TIMESTAMPTZ, UUID (SQLite stores dates, times and GUIDs as sortable text).
/// </summary>
public sealed class Migration
{
    /// <summary>Creates a migration with SQL that runs on both databases.</summary>
    public Migration(int number, string name, string sql)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Number = number;
        Name = name;
        Sql = sql ?? throw new ArgumentNullException(nameof(sql));
    }

    /// <summary>1, 2, 3, … unique within the plugin, never renumbered.</summary>
    public int Number { get; }

    /// <summary>A short name, e.g. <c>add_assignment_note</c>; checked against what was applied.</summary>
    public string Name { get; }

    /// <summary>SQL for both databases.</summary>
    public string Sql { get; }

    /// <summary>SQL for PostgreSQL instead of <see cref="Sql"/>, when it must differ.</summary>
    public string? PostgresSql { get; init; }

    /// <summary>SQL for SQLite instead of <see cref="Sql"/>, when it must differ.</summary>
    public string? SqliteSql { get; init; }

    /// <summary>
    /// True when plugin versions that do not know this migration still work on the migrated data
    /// (e.g. a new nullable column, a new table, an index). Rolling back past a migration that is
    /// not rollback-safe is refused.
    /// </summary>
    public bool RollbackSafe { get; init; }
}
