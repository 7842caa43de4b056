namespace DanVan.Plugins;

/// <summary>A plugin another plugin needs, at least at some version.</summary>
public sealed class PluginDependency
{
    /// <summary>The id of the plugin needed.</summary>
    public required string Id { get; init; }

    /// <summary>The lowest version that works, e.g. <c>1.1.0</c>; null accepts any.</summary>
    public string? MinVersion { get; init; }

    /// <summary>True when the plugin works without it (with less).</summary>
    public bool Optional { get; init; }
}
