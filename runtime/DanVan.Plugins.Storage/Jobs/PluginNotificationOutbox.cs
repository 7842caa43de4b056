using System.Data.Common;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Jobs;

namespace DanVan.Plugins.Storage.Jobs;

/// <summary>A plugin's view of the outbox: everything it enqueues carries its plugin id.</summary>
internal sealed class PluginNotificationOutbox(NotificationOutbox outbox, string pluginId) : INotificationOutbox
{
    public Task<string> EnqueueAsync(SendNotificationRequest request, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(pluginId, request, null, cancellationToken);

    public Task<string> EnqueueAsync(SendNotificationRequest request, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return outbox.EnqueueAsync(pluginId, request, transaction, cancellationToken);
    }
}
