using System.Text.Json;

namespace DanVan.Plugins.Runtime.Tests.Infrastructure;

/// <summary>The test plugins the build put under testplugins/&lt;name&gt;/&lt;version&gt;/.</summary>
internal static class TestPluginBuilds
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Directory(string name, string version) =>
        Path.Combine(AppContext.BaseDirectory, "testplugins", name, version);

    public static PluginManifest Manifest(string name, string version) =>
        JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(Path.Combine(Directory(name, version), PluginManifest.FileName)), Json)
        ?? throw new InvalidOperationException($"No manifest for {name} {version}.");
}
