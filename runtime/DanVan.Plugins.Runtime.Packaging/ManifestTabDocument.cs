namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>A tab in plugin.json as read (see <see cref="ManifestDocument"/> for why nullable).</summary>
internal sealed class ManifestTabDocument
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public List<string?>? Contexts { get; set; }

    public string? Path { get; set; }

    public int? Order { get; set; }

    public string? RequiredRole { get; set; }
}
