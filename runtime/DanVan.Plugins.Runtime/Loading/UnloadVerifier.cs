using System.Diagnostics;
using System.Runtime.Loader;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// Confirms that an unloaded context was really collected (McMaster never checks). Runs off
/// the request path; when the context survives, it reports the assemblies still in it.
/// </summary>
internal static class UnloadVerifier
{
    public const int MaxPasses = 10;

    public static async Task<UnloadReport> VerifyAsync(WeakReference context, string pluginId, string version)
    {
        var watch = Stopwatch.StartNew();
        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (!context.IsAlive)
            {
                return new UnloadReport(pluginId, version, Collected: true, pass, watch.Elapsed, []);
            }

            // Let threads that ran the old version's last calls unwind their frames before the next
            // pass; the pauses grow so the ten passes span about a second at most.
            await Task.Delay(TimeSpan.FromMilliseconds(4 * pass * pass));
        }

        var survivors = (context.Target as AssemblyLoadContext)?.Assemblies.Select(a => a.GetName().Name ?? "?").ToList() ?? [];
        return new UnloadReport(pluginId, version, Collected: false, MaxPasses, watch.Elapsed, survivors);
    }
}
