namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>A setting in plugin.json as read (see <see cref="ManifestDocument"/> for why nullable).</summary>
internal sealed class ManifestSettingDocument
{
    public string? Name { get; set; }

    public string? Type { get; set; }

    public bool? Required { get; set; }

    public string? Default { get; set; }

    public string? Description { get; set; }

    public List<string?>? AllowedValues { get; set; }

    public long? Minimum { get; set; }

    public long? Maximum { get; set; }
}
