namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>A dependency in plugin.json as read (see <see cref="ManifestDocument"/> for why nullable).</summary>
internal sealed class ManifestDependencyDocument
{
    public string? Id { get; set; }

    public string? MinVersion { get; set; }

    public bool? Optional { get; set; }
}
