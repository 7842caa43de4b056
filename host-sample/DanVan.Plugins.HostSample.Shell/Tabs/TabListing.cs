using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins.HostSample.Shell.Tabs;

/// <summary>The plugin tabs for one screen, or the fact that the runtime could not say.</summary>
internal sealed record TabListing(IReadOnlyList<Tab> Tabs, TabContext Context, bool RuntimeUnavailable);
