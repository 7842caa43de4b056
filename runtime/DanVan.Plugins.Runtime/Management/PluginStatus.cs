using DanVan.Plugins.Runtime.Loading;

namespace DanVan.Plugins.Runtime.Management;

/// <summary>What <c>list</c> and <c>doctor</c> show for one plugin.</summary>
public sealed record PluginStatus(
    string Id,
    string? DisplayName,
    string? ActiveVersion,
    PluginState State,
    string? Reason,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Tabs,
    long CallsInFlight,
    string? LastUnload)
{
    /// <summary>Every installed version, oldest first.</summary>
    public IReadOnlyList<string> InstalledVersions { get; init; } = [];
}
