namespace DanVan.Plugins.Runtime;

/// <summary>Settings of the plugin runtime.</summary>
public sealed class PluginRuntimeOptions
{
    /// <summary>Where installed plugin versions are extracted and the runtime's state is kept.</summary>
    public string RootDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "plugin-store");

    /// <summary>Where plugins may keep files; one sub-folder per plugin, kept across upgrades.</summary>
    public string DataDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "plugin-data");

    /// <summary>The province this runtime serves.</summary>
    public string ProvinceId { get; set; } = "default";

    /// <summary>The province's trusted publisher keys: a folder of <c>*.pub.pem</c> files or a JSON file. Packages signed by other keys are refused.</summary>
    public string? TrustStorePath { get; set; }

    /// <summary>
    /// Caller name → bearer token. Every call except health and reflection must carry one of these
    /// tokens; PluginAdminService further needs a caller named in <see cref="Administration.AdminOptions.AdminCallers"/>.
    /// With no tokens at all, only health and reflection can be called.
    /// </summary>
    public IDictionary<string, string> CallerTokens { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Who may administer plugins.</summary>
    public Administration.AdminOptions Admin { get; } = new();

    /// <summary>A folder watched for new packages (<c>*.dvp</c>): each is installed, or upgraded to, when the folder settles. Null (the default) watches nothing.</summary>
    public string? DropDirectory { get; set; }

    /// <summary>How long the drop folder must stay quiet before its packages are handled. Defaults to 200 ms.</summary>
    public TimeSpan DropDebounce { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The province's plugin configuration file (province.json), applied at start and on every change. Null (the default) uses none.</summary>
    public string? ProvinceConfigurationPath { get; set; }

    /// <summary>The e-office host's danvan.host.v1 address; plugins get typed clients for it according to their permissions. Null offers none.</summary>
    public Uri? HostAddress { get; set; }

    /// <summary>The bearer token the runtime presents to the host (the runtime → host direction).</summary>
    public string? HostToken { get; set; }

    /// <summary>A handler for host calls instead of sockets (an in-process host, tests).</summary>
    public HttpMessageHandler? HostHttpHandler { get; set; }

    /// <summary>How long each start-up step of a plugin may take before it is quarantined as hung. Defaults to 10 s.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The database plugins store their records in ("Runtime:Storage"): SQLite file <c>danvan.db</c> under <see cref="DataDirectory"/> unless configured otherwise.</summary>
    public global::DanVan.Plugins.Storage.StorageOptions Storage { get; } = new();

    /// <summary>How long an old version may take to finish its calls in flight after a switch. Defaults to 30 s.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
