namespace DanVan.Plugins.Runtime.Store;

/// <summary>One plugin id in the store: its installed versions, which one serves, which one served before.</summary>
internal sealed class PluginRecord
{
    /// <summary>Installed version → content digest of its signed files.</summary>
    public Dictionary<string, string> Installed { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key id of the publisher whose packages this id is installed from; only that key may upgrade it.</summary>
    public string? PublisherKeyId { get; set; }

    public bool Enabled { get; set; }

    public string? Active { get; set; }

    /// <summary>The version that served before the last switch: what rollback returns to.</summary>
    public string? Previous { get; set; }

    /// <summary>The province's settings for the plugin, as text.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
