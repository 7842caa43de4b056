namespace DanVan.Plugins.Runtime.Loading;

/// <summary>The outcome of an unload check: collected after how many GC passes, or which assemblies lingered.</summary>
public sealed record UnloadReport(string PluginId, string Version, bool Collected, int GcPasses, TimeSpan Elapsed, IReadOnlyList<string> LingeringAssemblies);
