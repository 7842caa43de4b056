using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DanVan.Plugins.Runtime.Packaging;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>
/// Signed echo packages of any version, as the repo's pack step makes them (the development key,
/// <see cref="PluginPackageWriter"/>): the 1.0.0 build output with the version written into
/// plugin.json and compiled into the assembly (its build stamp), so each version is different
/// content all the way down to the code the runtime loads.
/// </summary>
internal sealed class BenchPackages : IDisposable
{
    private const string Placeholder = "@DANVAN_BENCH_BUILD@____________________";
    private readonly PackageSigningKey _key;
    private readonly string _staging;

    public BenchPackages(string staging)
    {
        _staging = staging;
        Directory.CreateDirectory(staging);
        _key = PackageSigningKey.FromPemFile(Path.Combine(KeyDirectory, "dev-publisher.key.pem"));
    }

    /// <summary>The folder with the development publisher's public key, the trust store of a development runtime.</summary>
    public static string KeyDirectory => Path.Combine(RepoRoot(), "runtime", "DanVan.Plugins.Runtime.Packaging", "DevelopmentKey");

    /// <summary>Writes the package of <paramref name="version"/> under the staging folder and returns its path.</summary>
    public string Pack(string version)
    {
        var input = Path.Combine(_staging, "input-" + version);
        if (Directory.Exists(input))
        {
            Directory.Delete(input, recursive: true);
        }

        Directory.CreateDirectory(input);
        var source = BenchPlugins.Directory("1.0.0");
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        }

        var manifestPath = Path.Combine(input, PluginManifest.FileName);
        var manifestJson = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifestJson["version"] = version;
        File.WriteAllText(manifestPath, manifestJson.ToJsonString());
        var manifest = BenchPlugins.ReadManifest(input);
        Stamp(Path.Combine(input, manifest.EntryAssembly), version);
        var package = Path.Combine(_staging, $"danvan.bench.echo-{version}.dvp");
        new PluginPackageWriter(_key) { Publisher = manifest.Publisher }.WriteFile(manifest, input, package);
        Directory.Delete(input, recursive: true);
        return package;
    }

    public void Dispose() => _key.Dispose();

    // The stamp is an attribute argument: a length-prefixed UTF-8 string in the metadata blob heap,
    // so a value of the same byte length can replace it without touching anything else.
    private static void Stamp(string assemblyPath, string version)
    {
        var bytes = File.ReadAllBytes(assemblyPath);
        var from = Encoding.UTF8.GetBytes(Placeholder);
        var to = Encoding.UTF8.GetBytes(version.PadRight(Placeholder.Length));
        if (to.Length != from.Length)
        {
            throw new ArgumentException($"Version '{version}' is longer than the build stamp.", nameof(version));
        }

        var at = bytes.AsSpan().IndexOf(from);
        if (at < 0 || bytes.AsSpan(at + 1).IndexOf(from) >= 0)
        {
            throw new InvalidOperationException($"{assemblyPath} does not hold the build stamp exactly once.");
        }

        to.CopyTo(bytes, at);
        File.WriteAllBytes(assemblyPath, bytes);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DanVan.Plugins.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DanVan.Plugins.sln not found");
    }
}
