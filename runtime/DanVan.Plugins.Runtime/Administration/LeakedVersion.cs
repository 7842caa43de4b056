using DanVan.Plugins.Runtime.Loading;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>An unloaded plugin version whose context survived its unload check, watched through a weak reference.</summary>
internal sealed class LeakedVersion(UnloadReport report, WeakReference context, DateTimeOffset unloadRequestTime)
{
    public UnloadReport Report { get; } = report;

    public WeakReference Context { get; } = context;

    public DateTimeOffset UnloadRequestTime { get; } = unloadRequestTime;

    /// <summary>Garbage collections run for it: the unload check's, then the leak checks'.</summary>
    public int CollectionAttempts { get; set; } = report.GcPasses;

    /// <summary>The collectible context's name, as the loader gives it (<c>id@version</c>).</summary>
    public string ContextName => $"{Report.PluginId}@{Report.Version}";
}
