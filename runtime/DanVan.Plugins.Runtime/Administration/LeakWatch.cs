using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Management;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>
/// The unloaded plugin versions found still in memory, for <c>doctor</c>. A leak check forces a few more
/// garbage collections and forgets the versions that were collected meanwhile (a late finalizer, a
/// timer that finally fired); the others stay reported with what holds them.
/// </summary>
internal sealed class LeakWatch
{
    private const int PassesPerCheck = 3;
    private readonly List<LeakedVersion> _leaks = [];
    private readonly PluginManager _manager;

    public LeakWatch(PluginManager manager)
    {
        _manager = manager;
        manager.Unloaded += OnUnloaded;
    }

    /// <summary>The versions known to be leaked; with <paramref name="collect"/>, after waiting for pending unloads and collecting again.</summary>
    public async Task<IReadOnlyList<LeakedVersion>> CheckAsync(bool collect)
    {
        if (collect)
        {
            await _manager.WaitForUnloadsAsync();
            List<LeakedVersion> watched;
            lock (_leaks)
            {
                watched = [.. _leaks];
            }

            foreach (var leak in watched)
            {
                for (var pass = 0; pass < PassesPerCheck && leak.Context.IsAlive; pass++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    leak.CollectionAttempts++;
                }
            }
        }

        lock (_leaks)
        {
            _leaks.RemoveAll(l => !l.Context.IsAlive);
            return [.. _leaks];
        }
    }

    private void OnUnloaded(UnloadReport report, WeakReference context, DateTimeOffset requested)
    {
        if (report.Collected)
        {
            return;
        }

        lock (_leaks)
        {
            _leaks.Add(new LeakedVersion(report, context, requested));
        }
    }
}
