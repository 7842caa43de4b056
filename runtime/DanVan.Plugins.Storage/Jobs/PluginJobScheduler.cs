using DanVan.Plugins.Jobs;

namespace DanVan.Plugins.Storage.Jobs;

/// <summary>A plugin's view of the job store: its own jobs only.</summary>
internal sealed class PluginJobScheduler(JobStore store, string pluginId) : IJobScheduler
{
    public Task<ScheduledJob> ScheduleAsync(JobRequest request, CancellationToken cancellationToken = default) =>
        store.ScheduleAsync(pluginId, request, cancellationToken);

    public Task<ScheduledJob?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        store.GetAsync(pluginId, key, cancellationToken);

    public Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default) =>
        store.CancelAsync(pluginId, key, cancellationToken);
}
