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

    /// <summary>The manifest of the version serving (or last tried, or installed); null when unknown.</summary>
    public PluginManifest? Manifest { get; init; }

    /// <summary>The version a rollback returns to; null when none is kept.</summary>
    public string? PreviousVersion { get; init; }

    /// <summary>When the state last changed (the runtime's clock); null when not since the runtime started.</summary>
    public DateTimeOffset? StateChangeTime { get; init; }

    /// <summary>Whether every gRPC service of the serving version answers SERVING; null when no version serves.</summary>
    public bool? Serving { get; init; }

    /// <summary>The check of the last version unloaded (collected, or what holds it); null before any.</summary>
    public UnloadReport? LastUnloadReport { get; init; }

    /// <summary>When the unloading of <see cref="LastUnloadReport"/>'s version was requested.</summary>
    public DateTimeOffset? LastUnloadRequestTime { get; init; }
}
