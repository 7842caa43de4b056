using DanVan.Plugins.Jobs;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Storage.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Jobs;

/// <summary>
/// What each plugin gets for durable work: its own <see cref="IJobScheduler"/> (jobs stored under its
/// id), and — only with the <c>notifications:send</c> permission — its own <see cref="INotificationOutbox"/>.
/// </summary>
internal static class PluginJobServices
{
    public static PluginSharedService Share() => new((services, runtime, manifest) =>
    {
        services.AddSingleton(_ => runtime.GetRequiredService<JobStore>().ForPlugin(manifest.Id));
        if (manifest.Permissions.Contains(HostClients.NotificationsSend, StringComparer.Ordinal))
        {
            services.AddSingleton(_ => runtime.GetRequiredService<NotificationOutbox>().ForPlugin(manifest.Id));
        }
    });
}
