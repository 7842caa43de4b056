namespace DanVan.Plugins.TestPlugins.Leaky;

/// <summary>What the leak report must name.</summary>
internal sealed class LeakyCache
{
    public List<string> Entries { get; } = ["giữ lại sau khi gỡ"];
}
