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

    /// <summary>
    /// How long the drop folder must stay quiet before its packages are handled. Defaults to 100 ms:
    /// a copy that pauses longer is not lost, since an archive that cannot be read yet is looked at
    /// again after the next quiet period.
    /// </summary>
    public TimeSpan DropDebounce { get; set; } = TimeSpan.FromMilliseconds(100);

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

    /// <summary>
    /// When an unloaded plugin version is not collected, take a heap snapshot of this process and
    /// report the paths from GC roots that hold it (a few seconds and a temporary dump file, only on a leak).
    /// </summary>
    public bool DiagnoseLeaks { get; set; } = true;

    /// <summary>How the durable job scheduler polls, leases and retries (defaults suit a province).</summary>
    public global::DanVan.Plugins.Storage.Jobs.JobSchedulerOptions Jobs { get; } = new();

    /// <summary>How the notification outbox retries while the host is down.</summary>
    public global::DanVan.Plugins.Storage.Jobs.OutboxDispatcherOptions Outbox { get; } = new();

    /// <summary>Callers (names from the bearer-token table) allowed to call TabsService and EventsService as the e-office host; others get PERMISSION_DENIED. Defaults to <c>eoffice-host</c>.</summary>
    public ISet<string> HostCallers { get; } = new HashSet<string>(StringComparer.Ordinal) { "eoffice-host" };

    /// <summary>
    /// The address browsers (or the host's reverse proxy) reach tab pages at; tab URLs are
    /// <c>{PublicBaseUrl}/tabs/{pluginId}/{tabId}/?dvt={token}</c>. Null (the default) uses the scheme and
    /// host of the TabsService call itself.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// The HMAC-SHA256 key signing tab tokens, base64 (at least 32 bytes). Several runtime instances
    /// behind one load balancer must share it. Null (the default) generates one on first start and keeps
    /// it in <c>{DataDirectory}/_runtime/tab-token.key</c>.
    /// </summary>
    public string? TabTokenKey { get; set; }

    /// <summary>How long a tab token is accepted after issue. Defaults to 10 minutes.</summary>
    public TimeSpan TabTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after expiry a tab token can still be refreshed with RefreshTabToken. Defaults to 1 hour.</summary>
    public TimeSpan TabTokenRefreshGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long ListTabs reuses a user (and roles) fetched from the host's directory; a UserChangedEvent drops it sooner. Zero asks the host every time. Defaults to 60 s.</summary>
    public TimeSpan UserCacheDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long ListTabs waits for a plugin's badge providers before listing the tab without a badge. Defaults to 500 ms.</summary>
    public TimeSpan BadgeTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Origins (e.g. <c>https://eoffice.tinh.gov.vn</c>) allowed to embed tab pages in a frame, sent as the
    /// CSP <c>frame-ancestors</c> directive beside <c>'self'</c> (which covers a host that reverse-proxies the pages
    /// through its own origin). Empty (the default) allows only <c>'self'</c>.
    /// </summary>
    public IList<string> TabFrameAncestors { get; } = [];

    /// <summary>How long one plugin's event handler may take with one event before it is abandoned (logged). Defaults to 10 s.</summary>
    public TimeSpan EventHandlerTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many recent event ids are remembered to drop repeats when the runtime has no database (in
    /// memory, lost on restart). With the database (the default) ids are kept there for 30 days. Defaults to 100,000.
    /// </summary>
    public int EventIdMemory { get; set; } = 100_000;

    /// <summary>How often event ids older than 30 days are deleted from the database. Defaults to one hour.</summary>
    public TimeSpan EventIdCleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most events one PublishEvents stream may carry; more fail the call with RESOURCE_EXHAUSTED. Defaults to 10,000.</summary>
    public int MaxEventsPerStream { get; set; } = 10_000;
}
