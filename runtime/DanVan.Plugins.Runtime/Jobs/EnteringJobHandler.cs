using DanVan.Plugins.Jobs;
using DanVan.Plugins.Runtime.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Jobs;

/// <summary>Runs a plugin's job handler inside its serving version, resolved in a scope for this run only.</summary>
internal sealed class EnteringJobHandler(PluginRouter router, string jobName) : IJobHandler
{
    public string Name => jobName;

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var generation = router.Enter()
            ?? throw new InvalidOperationException($"Plugin '{router.PluginId}' stopped serving before job '{jobName}' could run; it will be retried.");
        try
        {
            await using var scope = (generation.Services ?? throw new InvalidOperationException($"Plugin '{router.PluginId}' has no services.")).CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Name == jobName)
                ?? throw new InvalidOperationException($"Plugin '{router.PluginId}' no longer handles job '{jobName}'.");
            await handler.ExecuteAsync(context, cancellationToken);
        }
        finally
        {
            generation.Exit();
        }
    }
}
