using System.Data.Common;

namespace DanVan.Plugins.Storage;

/// <summary>
/// Opens connections to the runtime's database. One instance per runtime; everything that
/// touches the database (plugin data, migrations, audit, jobs, outbox) opens connections here.
/// </summary>
public abstract class DatabaseConnector : IAsyncDisposable
{
    /// <summary>The engine behind the connections, for the few statements that differ.</summary>
    public abstract StorageProvider Provider { get; }

    /// <summary>Opens a new connection, ready to use; the caller disposes it.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the connector the options describe.</summary>
    public static DatabaseConnector Create(StorageOptions options, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StorageProvider.Sqlite => new SqliteConnector(options.ConnectionString is { Length: > 0 } cs
                ? cs
                : $"Data Source={Path.Combine(dataDirectory, "danvan.db")}"),
            StorageProvider.Postgres => new PostgresConnector(options.ConnectionString
                ?? throw new InvalidOperationException("Runtime:Storage:ConnectionString is required for PostgreSQL.")),
            _ => throw new InvalidOperationException($"Unknown storage provider {options.Provider}."),
        };
    }

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return default;
    }
}
