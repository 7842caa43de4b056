using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Jobs;
using Microsoft.Data.Sqlite;

namespace DanVan.Plugins.Jobs.Tests.Infrastructure;

/// <summary>A fresh database of one engine (a temp SQLite file, or a new PostgreSQL database) with the job tables.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;
    private readonly List<DatabaseConnector> _connectors = [];

    private TestDatabase(StorageOptions options, string? sqliteFolder)
    {
        Options = options;
        _sqliteFolder = sqliteFolder;
    }

    public StorageOptions Options { get; }

    public StorageProvider Provider => Options.Provider;

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, PostgresCluster cluster)
    {
        TestDatabase database;
        if (provider == StorageProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "danvan-jobs-" + Guid.NewGuid().ToString("N")[..8]);
            database = new TestDatabase(new StorageOptions { Provider = provider, ConnectionString = $"Data Source={Path.Combine(folder, "jobs.db")}" }, folder);
        }
        else
        {
            database = new TestDatabase(new StorageOptions { Provider = provider, ConnectionString = await cluster.CreateDatabaseAsync() }, null);
        }

        await new JobStore(database.Connect(), TimeProvider.System).EnsureCreatedAsync();
        return database;
    }

    /// <summary>A new connector (a new "runtime instance") over the same database; disposed with this.</summary>
    public DatabaseConnector Connect()
    {
        var connector = DatabaseConnector.Create(Options, _sqliteFolder ?? Path.GetTempPath());
        _connectors.Add(connector);
        return connector;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Connect().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<object?[]>> RowsAsync(string sql)
    {
        await using var connection = await Connect().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row.Select(v => v is DBNull ? null : v).ToArray());
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connector in _connectors)
        {
            await connector.DisposeAsync();
        }

        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }
}
