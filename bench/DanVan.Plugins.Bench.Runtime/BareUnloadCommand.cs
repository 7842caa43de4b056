using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>
/// unload-bare [cycles] [--empty] [--stream] [--resolver]: the CLR alone, no runtime code — create a
/// collectible context, load the echo plugin's assembly into it (from its path, or from a stream),
/// create its entry type and call it, unload, collect; the same memory samples as unload. Shows how much
/// of the unload cycle's growth is the CLR's own.
/// </summary>
internal static class BareUnloadCommand
{
    public static int Run(int cycles, bool empty, bool stream, bool resolver)
    {
        var manifest = BenchPlugins.Manifest("1.0.0");
        var entryPath = Path.Combine(BenchPlugins.Directory("1.0.0"), manifest.EntryAssembly);
        MemorySample? at100 = null;
        var collected = 0;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var weak = LoadCallUnload(entryPath, manifest, empty, stream, resolver);
            for (var pass = 0; pass < 10 && weak.IsAlive; pass++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            collected += weak.IsAlive ? 0 : 1;
            if (cycle == Math.Min(100, cycles))
            {
                at100 = MemorySample.Take("bare-100");
            }
        }

        var last = MemorySample.Take("bare-" + cycles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Console.WriteLine($"bare cycles {cycles} (empty={empty}, stream={stream}, resolver={resolver}): collected {collected}/{cycles}");
        Console.WriteLine($"after cycle 100:  {at100}");
        Console.WriteLine($"after cycle {cycles}: {last}");
        Console.WriteLine($"growth 100 -> {cycles}: {MemorySample.Growth(at100!, last)}");
        return collected == cycles ? 0 : 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadCallUnload(string entryPath, PluginManifest manifest, bool empty, bool stream, bool resolver)
    {
        var context = new BareContext(resolver ? new AssemblyDependencyResolver(entryPath) : null);
        if (!empty)
        {
            Assembly assembly;
            if (stream)
            {
                using var file = new MemoryStream(File.ReadAllBytes(entryPath));
                assembly = context.LoadFromStream(file);
            }
            else
            {
                assembly = context.LoadFromAssemblyPath(entryPath);
            }

            var plugin = (IPlugin)Activator.CreateInstance(assembly.GetType(manifest.EntryType, throwOnError: true)!, nonPublic: true)!;
            plugin.ConfigureServices(new ServiceCollection(), new PluginContext(manifest, new ConfigurationBuilder().Build(), Path.GetTempPath(), "bench"));
        }

        context.Unload();
        return new WeakReference(context);
    }

    private sealed class BareContext(AssemblyDependencyResolver? resolver) : AssemblyLoadContext("bare", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            resolver?.ResolveAssemblyToPath(assemblyName) is { } path && !SharedName(assemblyName) ? LoadFromAssemblyPath(path) : null;

        private static bool SharedName(AssemblyName name) => name.Name?.StartsWith("DanVan.Plugins.", StringComparison.Ordinal) == true && name.Name != "DanVan.Plugins.Bench.EchoPlugin";
    }
}
