using DanVan.Plugins.Data;

namespace DanVan.Plugins.Storage.Tests.Infrastructure;

/// <summary>A fresh database of one kind (SQLite temp file or a new PostgreSQL database) with the test plugin's tables.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;

    private TestDatabase(StorageProvider provider, string connectionString, string? sqliteFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        Connector = DatabaseConnector.Create(new StorageOptions { Provider = provider, ConnectionString = connectionString }, sqliteFolder ?? Path.GetTempPath());
        Storage = new PluginStorage(Connector, Clock);
        Data = Storage.CreateData(PluginId);
    }

    public const string PluginId = "danvan.testledger";

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 11, 15, 2, 30, 0, TimeSpan.Zero));

    public DatabaseConnector Connector { get; }

    public PluginStorage Storage { get; }

    public IPluginData Data { get; }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, PostgresCluster cluster, bool migrate = true)
    {
        TestDatabase db;
        if (provider == StorageProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "danvan-sqlite-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            db = new TestDatabase(provider, $"Data Source={Path.Combine(folder, "danvan.db")}", folder);
        }
        else
        {
            db = new TestDatabase(provider, await cluster.CreateDatabaseAsync(), null);
        }

        if (migrate)
        {
            await db.Storage.MigrateAsync(PluginId, "1.0.0", TestMigrations.All);
        }

        return db;
    }

    public async ValueTask DisposeAsync()
    {
        ((IDisposable)Data).Dispose();
        await Connector.DisposeAsync();
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }
    }
}
