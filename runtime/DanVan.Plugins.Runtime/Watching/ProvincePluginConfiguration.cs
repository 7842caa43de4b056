namespace DanVan.Plugins.Runtime.Watching;

/// <summary>One plugin's entry in province.json.</summary>
public sealed class ProvincePluginConfiguration
{
    /// <summary>Whether the plugin serves in this province.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Its settings, as text; checked against the plugin's schema before they apply.</summary>
    public Dictionary<string, string> Settings { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
