namespace DanVan.Plugins.Runtime.Administration;

/// <summary>Who may administer plugins through the admin gRPC service.</summary>
public sealed class AdminOptions
{
    /// <summary>Callers (names from the bearer-token table) allowed to call PluginAdminService; everyone else gets PERMISSION_DENIED.</summary>
    public ISet<string> AdminCallers { get; } = new HashSet<string>(StringComparer.Ordinal) { "provincial-admin" };

    /// <summary>The largest package accepted over the admin API. Defaults to 256 MiB.</summary>
    public long MaxPackageBytes { get; set; } = 256L * 1024 * 1024;
}
