using DanVan.Plugins.Jobs;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Storage.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Jobs;

/// <summary>
/// Connects the durable job scheduler to the plugins serving now. A handler is not taken out of
/// a plugin's container once and kept: each run enters the plugin's serving version (so an upgrade
/// waits for a running job like for a call in flight) and resolves the handler in a fresh scope of
/// that version, so a job that falls due after an upgrade runs the new version's code.
/// </summary>
internal sealed class PluginJobHandlerResolver : IJobHandlerResolver
{
    private readonly PluginManager _manager;

    public PluginJobHandlerResolver(PluginManager manager, JobStore store)
    {
        _manager = manager;

        // The scheduler's last look left out a plugin that was not serving yet (its start may have
        // just scheduled a job): look again now rather than at the next poll.
        manager.Activated += _ => store.Wake();
    }

    public IReadOnlyCollection<string> ActivePluginIds => _manager.ActivePlugins().Select(p => p.Manifest.Id).ToList();

    public IJobHandler? Resolve(string pluginId, string jobName)
    {
        var router = _manager.FindRouter(pluginId);
        var generation = router?.Enter();
        if (generation is null)
        {
            return null;
        }

        try
        {
            // Only asks whether the serving version has such a handler; the run resolves it again.
            using var scope = generation.Services?.CreateScope();
            return scope?.ServiceProvider.GetServices<IJobHandler>().Any(h => h.Name == jobName) == true
                ? new EnteringJobHandler(router!, jobName)
                : null;
        }
        finally
        {
            generation.Exit();
        }
    }
}
