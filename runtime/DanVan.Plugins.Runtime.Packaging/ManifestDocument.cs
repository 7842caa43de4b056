namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// plugin.json as read, with every member nullable: <see cref="PluginManifest"/> has required
/// members, and deserializing into it would stop at the first missing one instead of letting
/// every problem be reported together.
/// </summary>
internal sealed class ManifestDocument
{
    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? Publisher { get; set; }

    public string? EntryAssembly { get; set; }

    public string? EntryType { get; set; }

    public string? AbstractionsVersion { get; set; }

    public List<string?>? Contracts { get; set; }

    public List<ManifestDependencyDocument?>? Dependencies { get; set; }

    public List<string?>? Services { get; set; }

    public List<ManifestTabDocument?>? Tabs { get; set; }

    public List<string?>? Permissions { get; set; }

    public List<ManifestSettingDocument?>? Settings { get; set; }
}
