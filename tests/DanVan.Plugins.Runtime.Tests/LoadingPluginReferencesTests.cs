using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using DanVan.Plugins.Runtime.Tests.Infrastructure;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>
/// A plugin references only abstractions/ and its own packages, never the runtime, and its manifest's
/// abstractionsVersion is no newer than the abstractions it was built against (plugins/Plugin.props also
/// fails the build of a plugin referencing the runtime, DANVAN001).
/// </summary>
public sealed class LoadingPluginReferencesTests
{
    // Declares API 1.9 on purpose, to show the runtime refuses a plugin built for a newer API.
    private const string PretendsNewer = "future";

    private static readonly string[] RuntimeOnly = ["DanVan.Plugins.Runtime", "DanVan.Plugins.Storage"];

    private static readonly string[] SharedNeverShipped = ["DanVan.Plugins.Abstractions", "DanVan.Plugins.Contracts", "DanVan.Plugins.Grpc", "Google.Protobuf", "Scrutor"];

    public static TheoryData<string> BuiltPlugins()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "testplugins")).SelectMany(Directory.GetDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, folder));
        }

        return data;
    }

    [Fact]
    public void PluginApiVersion_IsTheAbstractionsAssemblysMajorMinor()
    {
        var version = typeof(PluginApi).Assembly.GetName().Version!;

        Assert.Equal(PluginApi.Version, $"{version.Major}.{version.Minor}");
    }

    [Theory]
    [MemberData(nameof(BuiltPlugins))]
    public void BuiltPlugin_ReferencesNoRuntimeAssembly_AndShipsNoSharedOne(string folder)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, folder);
        var files = Directory.GetFiles(directory, "*.dll").Select(f => Path.GetFileNameWithoutExtension(f)!).ToList();
        var references = Directory.GetFiles(directory, "*.dll").SelectMany(f => References(f).Select(r => r.Name)).Distinct().ToList();

        Assert.DoesNotContain(references, r => RuntimeOnly.Any(p => r.StartsWith(p, StringComparison.Ordinal)));
        Assert.DoesNotContain(files, f => RuntimeOnly.Concat(SharedNeverShipped).Any(p => f.StartsWith(p, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(BuiltPlugins))]
    public void BuiltPlugin_ManifestApiVersion_NoNewerThanTheAbstractionsItReferences(string folder)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, folder);
        var manifest = Manifest(Path.Combine(directory, PluginManifest.FileName));
        var abstractions = References(Path.Combine(directory, manifest.EntryAssembly)).Single(r => r.Name == "DanVan.Plugins.Abstractions").Version;

        var declared = Version.Parse(manifest.AbstractionsVersion);
        var builtAgainst = new Version(abstractions.Major, abstractions.Minor);
        if (Path.GetFileName(Path.GetDirectoryName(directory)) == PretendsNewer)
        {
            Assert.True(declared > builtAgainst, "the future plugin no longer pretends a newer API; drop its exception here");
            return;
        }

        Assert.Equal(declared.Major, builtAgainst.Major);
        Assert.True(declared <= builtAgainst, $"{manifest.Id} declares API {declared} but was built against abstractions {builtAgainst}");
    }

    [Fact]
    public void EveryPluginManifestInTheRepo_DeclaresAnApiThisAbstractionsOffers()
    {
        var offered = Version.Parse(PluginApi.Version);
        var manifests = Directory.GetDirectories(Path.Combine(RepoPaths.Root, "plugins"))
            .Concat(Directory.GetDirectories(Path.Combine(RepoPaths.Root, "tests", "TestPlugins")))
            .Where(d => !d.EndsWith("." + "Future", StringComparison.Ordinal))
            .Select(d => Path.Combine(d, PluginManifest.FileName))
            .Where(File.Exists)
            .ToList();

        Assert.Contains(manifests, m => m.Contains("DanVan.Plugins.Tasks", StringComparison.Ordinal));
        Assert.All(manifests, path =>
        {
            var declared = Version.Parse(Manifest(path).AbstractionsVersion);
            Assert.True(declared.Major == offered.Major && declared <= offered, $"{path} declares API {declared}; the abstractions offer {offered}");
        });
    }

    private static PluginManifest Manifest(string path) =>
        JsonSerializer.Deserialize<PluginManifest>(File.ReadAllText(path).Replace("@VERSION@", "1.0.0", StringComparison.Ordinal), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static List<(string Name, Version Version)> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h)).Select(r => (metadata.GetString(r.Name), r.Version)).ToList();
    }
}
