using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DanVan.Plugins.Storage;

/// <summary>SQLite file in WAL mode: readers never block the single writer, and a crash loses no committed row.</summary>
internal sealed class SqliteConnector : DatabaseConnector
{
    private readonly string _connectionString;

    public SqliteConnector(string connectionString)
    {
        SqlitePclRedirect.EnsureInstalled();
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            // The file is created on first start; its folder too.
            Mode = SqliteOpenMode.ReadWriteCreate,
            // A writer waits for another instead of failing at once (SQLite allows one writer).
            DefaultTimeout = 30,
        };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = builder.ToString();
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var pragma = connection.CreateCommand();
            // WAL survives kill -9 with every committed transaction; NORMAL sync is durable in WAL
            // except on power loss of the OS itself. busy_timeout backs up DefaultTimeout for
            // lock waits inside statements. LIKE is case-sensitive as on PostgreSQL, so the same
            // specification finds the same rows on both (case-insensitive search uses the folded
            // shadow columns).
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA case_sensitive_like=ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
