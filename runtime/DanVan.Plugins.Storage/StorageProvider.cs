namespace DanVan.Plugins.Storage;

/// <summary>Which database engine the runtime stores official records in.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file under the runtime's data folder (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (production, several runtime instances).</summary>
    Postgres,
}
