using System.Globalization;
using System.Text.RegularExpressions;
using DanVan.Plugins.Data;

namespace DanVan.Plugins.Storage.Sql;

/// <summary>
/// What differs between the two databases: where a plugin's tables live, how values are stored,
/// and a few statements. Values always go through <see cref="ToDb"/>, so comparisons in SQL see
/// the same representation the writes stored (SQLite keeps dates, times and GUIDs as sortable text).
/// </summary>
internal abstract partial class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    public abstract DataDialect Kind { get; }

    public static SqlDialect For(StorageProvider provider) => provider == StorageProvider.Postgres ? Postgres : Sqlite;

    /// <summary>The plugin's schema name (PostgreSQL) or table prefix (SQLite).</summary>
    public abstract string SchemaName(string pluginId);

    /// <summary>A quoted, qualified table name of a plugin.</summary>
    public abstract string Table(string pluginId, string table);

    /// <summary>A quoted object name (index, constraint) unique to the plugin.</summary>
    public abstract string ObjectName(string pluginId, string name);

    public abstract string True { get; }

    /// <summary>The paging clause; SQLite needs a LIMIT before an OFFSET.</summary>
    public abstract string Paging(int? skip, int? take);

    public abstract string LockForUpdate { get; }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Replaces <c>{table:x}</c> and <c>{name:x}</c> in plugin SQL.</summary>
    public string ExpandPlaceholders(string sql, string pluginId) =>
        Placeholder().Replace(sql, m =>
        {
            var name = m.Groups[2].Value;
            return m.Groups[1].Value == "table" ? Table(pluginId, name) : ObjectName(pluginId, name);
        });

    /// <summary>Lower-case letters, digits and underscores: what a plugin id becomes inside names.</summary>
    public static string Sanitize(string pluginId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginId);
        return string.Create(pluginId.Length, pluginId, static (span, id) =>
        {
            for (var i = 0; i < id.Length; i++)
            {
                var c = char.ToLowerInvariant(id[i]);
                span[i] = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_';
            }
        });
    }

    public static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid table or object name: use lower-case letters, digits and underscores, starting with a letter.", nameof(name));
        }
    }

    /// <summary>The stored representation of a CLR value (parameters, COPY, comparisons).</summary>
    public abstract object ToDb(object? value);

    public static string SortableUtc(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        // Unspecified times are taken as UTC: the runtime's clock and contracts are UTC.
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    protected static object Common(object value) => value switch
    {
        // Officers' input arrives NFC or NFD depending on keyboard and OS; store one form.
        string s => s.IsNormalized() ? s : s.Normalize(),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture),
        _ => value,
    };

    [GeneratedRegex(@"\{(table|name):([a-z][a-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();
}
