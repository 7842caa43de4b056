using System.Globalization;
using DanVan.Plugins.Data;

namespace DanVan.Plugins.Storage.Sql;

/// <summary>PostgreSQL: each plugin owns the schema <c>p_&lt;id&gt;</c>.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public override DataDialect Kind => DataDialect.Postgres;

    public override string SchemaName(string pluginId) => "p_" + Sanitize(pluginId);

    public override string Table(string pluginId, string table)
    {
        CheckName(table);
        return Quote(SchemaName(pluginId)) + "." + Quote(table);
    }

    // Indexes and constraints live in their table's schema, so a plain name is already unique to the plugin.
    public override string ObjectName(string pluginId, string name)
    {
        CheckName(name);
        return Quote(name);
    }

    public override string True => "TRUE";

    public override string LockForUpdate => " FOR UPDATE";

    public override string Paging(int? skip, int? take) =>
        (take is { } t ? $" LIMIT {t.ToString(CultureInfo.InvariantCulture)}" : "")
        + (skip is { } s and > 0 ? $" OFFSET {s.ToString(CultureInfo.InvariantCulture)}" : "");

    public override object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTime t => ToUtc(t),
        // Npgsql writes timestamptz only from offset 0.
        DateTimeOffset o => o.ToUniversalTime(),
        _ => Common(value),
    };
}
