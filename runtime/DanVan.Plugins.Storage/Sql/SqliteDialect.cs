using System.Globalization;
using DanVan.Plugins.Data;

namespace DanVan.Plugins.Storage.Sql;

/// <summary>SQLite: one file, no schemas, so each plugin's tables carry its id as a prefix.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public override DataDialect Kind => DataDialect.Sqlite;

    public override string SchemaName(string pluginId) => Sanitize(pluginId) + "__";

    public override string Table(string pluginId, string table)
    {
        CheckName(table);
        return Quote(SchemaName(pluginId) + table);
    }

    public override string ObjectName(string pluginId, string name)
    {
        CheckName(name);
        return Quote(SchemaName(pluginId) + name);
    }

    public override string True => "1";

    public override string LockForUpdate => "";

    public override string Paging(int? skip, int? take) => (skip, take) switch
    {
        (null or 0, null) => "",
        (null or 0, { } t) => $" LIMIT {t.ToString(CultureInfo.InvariantCulture)}",
        ({ } s, null) => $" LIMIT -1 OFFSET {s.ToString(CultureInfo.InvariantCulture)}",
        ({ } s, { } t) => $" LIMIT {t.ToString(CultureInfo.InvariantCulture)} OFFSET {s.ToString(CultureInfo.InvariantCulture)}",
    };

    public override object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString("D"),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => SortableUtc(ToUtc(t)),
        DateTimeOffset o => SortableUtc(o.UtcDateTime),
        bool b => b ? 1L : 0L,
        _ => Common(value),
    };
}
