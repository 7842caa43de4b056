namespace DanVan.Plugins.Runtime.Server;

/// <summary>The "Runtime" section of appsettings.json (or DANVAN_Runtime__… environment variables).</summary>
internal sealed class RuntimeServerSettings
{
    public string Address { get; set; } = "127.0.0.1";

    public int GrpcPort { get; set; } = 5060;

    public string ProvinceId { get; set; } = "default";

    public string RootDirectory { get; set; } = "data/plugin-store";

    public string DataDirectory { get; set; } = "data/plugin-data";

    public string? TrustStore { get; set; }

    public string? DropDirectory { get; set; }

    public string? ProvinceConfiguration { get; set; }

    /// <summary>"Runtime:Storage": Provider (Sqlite | Postgres) and ConnectionString (DANVAN_Runtime__Storage__ConnectionString for PostgreSQL).</summary>
    public DanVan.Plugins.Storage.StorageOptions Storage { get; set; } = new();

    /// <summary>Caller name → bearer token; keep them out of the file (use environment variables or a secrets store).</summary>
    public Dictionary<string, string> Tokens { get; set; } = new(StringComparer.Ordinal);
}
