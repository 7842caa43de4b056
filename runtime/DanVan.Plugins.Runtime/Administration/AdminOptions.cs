namespace DanVan.Plugins.Runtime.Administration;

/// <summary>Who may administer plugins through the admin gRPC service.</summary>
public sealed class AdminOptions
{
    /// <summary>Callers (names from the bearer-token table) allowed to call PluginAdminService; everyone else gets PERMISSION_DENIED.</summary>
    public ISet<string> AdminCallers { get; } = new HashSet<string>(StringComparer.Ordinal) { "provincial-admin" };

    /// <summary>The largest package accepted over the admin API. Defaults to 256 MiB.</summary>
    public long MaxPackageBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// The folder a request's <c>package_path</c> is relative to (paths leaving it are refused). Null (the
    /// default) uses <c>incoming</c> under <see cref="PluginRuntimeOptions.RootDirectory"/>.
    /// </summary>
    public string? PackagesDirectory { get; set; }
}
