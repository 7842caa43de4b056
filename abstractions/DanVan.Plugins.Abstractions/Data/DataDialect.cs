namespace DanVan.Plugins.Data;

/// <summary>The SQL dialect behind the store, for raw roll-up queries and migrations that must differ.</summary>
public enum DataDialect
{
    /// <summary>SQLite (the embedded default): tables are prefixed with the plugin's id.</summary>
    Sqlite,

    /// <summary>PostgreSQL: tables live in the plugin's schema <c>p_&lt;plugin id&gt;</c>.</summary>
    Postgres,
}
