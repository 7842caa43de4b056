namespace DanVan.Plugins.Runtime.Hosting;

/// <summary>The "Runtime" configuration section of the runtime server (appsettings.json or DANVAN_Runtime__… environment variables).</summary>
public sealed class RuntimeServerSettings
{
    /// <summary>IP address the endpoints listen on.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The h2c (HTTP/2 only) port for gRPC: danvan.runtime.v1, plugin services, health, reflection.</summary>
    public int GrpcPort { get; set; } = 5060;

    /// <summary>An HTTP/1.1 (+HTTP/2 over TLS) port for browsers to load tab pages from; null serves them only on the gRPC port (for hosts that reverse-proxy over HTTP/2).</summary>
    public int? WebPort { get; set; }

    /// <summary>The address tab URLs start with; null derives it from <see cref="WebPort"/> (or the gRPC port) on <see cref="Address"/>.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Origins allowed to frame tab pages (CSP frame-ancestors) beside 'self', e.g. the e-office's https origin.</summary>
    public List<string> TabFrameAncestors { get; set; } = [];

    /// <summary>Base64 key (≥ 32 bytes) signing tab tokens, shared by all instances of a province; null keeps a generated one in the data folder.</summary>
    public string? TabTokenKey { get; set; }

    /// <summary>Tab token lifetime in minutes.</summary>
    public double TabTokenLifetimeMinutes { get; set; } = 10;

    /// <summary>The e-office's danvan.host.v1 address (users, roles, documents); null runs without a host.</summary>
    public string? HostAddress { get; set; }

    /// <summary>The bearer token the runtime presents to the host; keep it out of the file.</summary>
    public string? HostToken { get; set; }

    /// <summary>The province this runtime serves.</summary>
    public string ProvinceId { get; set; } = "default";

    /// <summary>Where installed packages and their extracted versions live.</summary>
    public string RootDirectory { get; set; } = "data/plugin-store";

    /// <summary>Where plugins and the runtime keep data (the SQLite file by default).</summary>
    public string DataDirectory { get; set; } = "data/plugin-data";

    /// <summary>A folder of trusted publishers' <c>*.pub.pem</c> keys, or a trust store JSON file.</summary>
    public string? TrustStore { get; set; }

    /// <summary>A folder watched for packages to install.</summary>
    public string? DropDirectory { get; set; }

    /// <summary>The province's plugin configuration file (enabled plugins and their settings), applied live.</summary>
    public string? ProvinceConfiguration { get; set; }

    /// <summary>"Runtime:Storage": Provider (Sqlite | Postgres) and ConnectionString (DANVAN_Runtime__Storage__ConnectionString for PostgreSQL).</summary>
    public DanVan.Plugins.Storage.StorageOptions Storage { get; set; } = new();

    /// <summary>Caller name → bearer token; keep them out of the file (use environment variables or a secrets store).</summary>
    public Dictionary<string, string> Tokens { get; set; } = new(StringComparer.Ordinal);
}
