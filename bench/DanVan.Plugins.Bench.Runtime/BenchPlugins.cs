using System.Text.Json;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>The echo plugin builds under benchplugins/echo/&lt;version&gt;/.</summary>
internal static class BenchPlugins
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Directory(string version) => Path.Combine(AppContext.BaseDirectory, "benchplugins", "echo", version);

    public static PluginManifest Manifest(string version) => ReadManifest(Directory(version));

    public static PluginManifest ReadManifest(string directory) =>
        JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(Path.Combine(directory, PluginManifest.FileName)), Json)!;
}
