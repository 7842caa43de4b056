using System.Diagnostics;
using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Packaging;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>
/// swaptime [swaps]: time from a signed package landing in the drop folder (an atomic rename, as a
/// copy tool finishes) to the new version serving, debounce (200 ms) included.
/// </summary>
internal static class SwapTimeCommand
{
    public static async Task<int> RunAsync(int swaps)
    {
        var repo = RepoRoot();
        var keyDirectory = Path.Combine(repo, "runtime", "DanVan.Plugins.Runtime.Packaging", "DevelopmentKey");
        var drop = Path.Combine(Path.GetTempPath(), "danvan-bench-drop-" + Guid.NewGuid().ToString("N"));
        await using var runtime = await BenchRuntime.StartAsync(o =>
        {
            o.TrustStorePath = keyDirectory;
            o.DropDirectory = drop;
        });
        var manager = runtime.Services.GetRequiredService<PluginManager>();
        var admin = runtime.Services.GetRequiredService<PluginAdministration>();
        using var key = PackageSigningKey.FromPemFile(Path.Combine(keyDirectory, "dev-publisher.key.pem"));
        var staging = Path.Combine(runtime.Root, "staging");
        Directory.CreateDirectory(staging);
        await admin.InstallAsync(Pack(key, "1.0.0", staging, 0), "bench");
        await admin.InstallAsync(Pack(key, "2.0.0", staging, 0), "bench", enable: false);
        var times = new List<double>();
        for (var i = 1; i <= swaps; i++)
        {
            // Each swap starts from 1.0.0 serving and measures the move to 2.0.0 through the drop folder.
            await admin.EnableAsync("danvan.bench.echo", "bench", "1.0.0");
            var package = Pack(key, "2.0.0", staging, i);
            var watch = Stopwatch.StartNew();
            File.Move(package, Path.Combine(drop, Path.GetFileName(package)));
            while (manager.List().Single().ActiveVersion != "2.0.0")
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(10))
                {
                    Console.Error.WriteLine($"swap {i} did not happen within 10 s");
                    return 1;
                }

                await Task.Yield();
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"swap time (package lands -> new version serving, 200 ms debounce included) over {times.Count} swaps: p50 {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms (goal <= 250 ms)");
        Directory.Delete(drop, recursive: true);
        return 0;
    }

    private static string Pack(PackageSigningKey key, string version, string folder, int index)
    {
        var manifest = BenchPlugins.Manifest(version);
        var path = Path.Combine(folder, $"echo-{version}-{index}.dvp");
        new PluginPackageWriter(key) { Publisher = manifest.Publisher }.WriteFile(manifest, BenchPlugins.Directory(version), path);
        return path;
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
