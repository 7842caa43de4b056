namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// The outcome of an unload check: collected after how many GC passes, or which assemblies
/// lingered and, when the runtime could take a heap snapshot, the paths from GC roots that hold
/// the plugin (type names, e.g. <c>StrongHandle: System.Object[] → Dictionary&lt;…&gt; → Plugin.State</c>).
/// </summary>
public sealed record UnloadReport(string PluginId, string Version, bool Collected, int GcPasses, TimeSpan Elapsed, IReadOnlyList<string> LingeringAssemblies)
{
    /// <summary>Root-to-object paths that keep the context alive; empty when collected or not diagnosed.</summary>
    public IReadOnlyList<string> HoldingPaths { get; init; } = [];
}
