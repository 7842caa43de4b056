namespace DanVan.Plugins;

/// <summary>The version of the plugin API this abstractions assembly provides.</summary>
public static class PluginApi
{
    /// <summary><c>major.minor</c>: a plugin built against 1.x loads on a runtime offering 1.y with y ≥ x.</summary>
    public const string Version = "1.0";

    /// <summary>The contract packages the runtime serves to plugins.</summary>
    public static IReadOnlyList<string> Contracts { get; } = ["danvan.host.v1", "danvan.runtime.v1"];
}
