namespace DanVan.Plugins.Runtime.Store;

/// <summary>What the store remembers across restarts, saved as state.json in its root.</summary>
internal sealed class PluginStoreState
{
    public Dictionary<string, PluginRecord> Plugins { get; set; } = new(StringComparer.Ordinal);
}
