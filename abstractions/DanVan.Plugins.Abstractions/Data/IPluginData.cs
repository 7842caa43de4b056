namespace DanVan.Plugins.Data;

/// <summary>
/// The plugin's records, in the runtime's database (SQLite or PostgreSQL), inside the plugin's
/// own schema. Resolve it from the plugin's services; the runtime owns the connections and the
/// drivers, so the plugin never loads one. Each call outside <see cref="BeginAsync"/> is its own
/// transaction.
/// </summary>
public interface IPluginData : IRecordReader, IRecordWriter
{
    /// <summary>The database's dialect, for roll-up SQL that must differ.</summary>
    DataDialect Dialect { get; }

    /// <summary>The plugin's schema: <c>p_&lt;id&gt;</c> on PostgreSQL; on SQLite the table prefix <c>&lt;id&gt;__</c>.</summary>
    string SchemaName { get; }

    /// <summary>The quoted, qualified name of one of the plugin's tables, for raw SQL.</summary>
    string Table(string name);

    /// <summary>Starts a unit of work.</summary>
    Task<IDataTransaction> BeginAsync(CancellationToken cancellationToken = default);
}
