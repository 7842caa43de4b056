namespace DanVan.Plugins.Storage;

/// <summary>Where the runtime keeps its data; bound from the "Runtime:Storage" configuration section.</summary>
public sealed class StorageOptions
{
    /// <summary>The engine; SQLite unless configured otherwise.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string. For SQLite it may be empty: the file is then
    /// <c>danvan.db</c> under the runtime's data folder.
    /// </summary>
    public string? ConnectionString { get; set; }
}
