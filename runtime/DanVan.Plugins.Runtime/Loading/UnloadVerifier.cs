using System.Diagnostics;
using System.Runtime.Loader;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// Confirms that an unloaded context was really collected (McMaster never checks). Runs off
/// the request path; when the context survives, it reports the assemblies still in it and
/// (with <see cref="LeakInspector"/>) the paths from GC roots that hold it.
/// </summary>
internal static class UnloadVerifier
{
    public const int MaxPasses = 10;

    public static async Task<UnloadReport> VerifyAsync(WeakReference context, string pluginId, string version, bool diagnoseLeaks = false, Action<Exception>? diagnosisFailed = null)
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

        var (name, survivors, locations) = Describe(context);
        IReadOnlyList<string> holders = [];
        if (diagnoseLeaks && name is not null)
        {
            try
            {
                holders = await Task.Run(() => LeakInspector.FindHolders(name, locations, CancellationToken.None));
            }
            catch (Exception e)
            {
                // A snapshot can be refused (no createdump, no ptrace rights); the leak is still reported.
                diagnosisFailed?.Invoke(e);
            }
        }

        return new UnloadReport(pluginId, version, Collected: false, MaxPasses, watch.Elapsed, survivors) { HoldingPaths = holders };
    }

    // In its own frame so no strong reference to the context outlives it (the snapshot must not see one from here).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (string? Name, List<string> Assemblies, List<string> Locations) Describe(WeakReference context)
    {
        if (context.Target is not AssemblyLoadContext alc)
        {
            return (null, [], []);
        }

        var assemblies = alc.Assemblies.ToList();
        return (alc.Name, assemblies.Select(a => a.GetName().Name ?? "?").ToList(), assemblies.Select(a => a.Location).ToList());
    }
}
