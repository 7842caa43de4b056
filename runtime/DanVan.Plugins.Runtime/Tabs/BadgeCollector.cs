using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Runtime.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>
/// Asks plugins' <see cref="ITabBadgeProvider"/>s for the badges of listed tabs, all at once, waiting at
/// most <see cref="PluginRuntimeOptions.BadgeTimeout"/>. A provider that throws or is late only costs its
/// tab the badge. A late provider keeps its plugin version entered (and its scope alive) until it
/// finishes, so an upgrade never disposes a container under it.
/// </summary>
internal sealed partial class BadgeCollector(PluginRuntimeOptions options, TimeProvider time, ILogger<BadgeCollector> logger)
{
    /// <summary>Qualified tab id → badge, for the tabs that got one.</summary>
    public async Task<Dictionary<string, TabBadge>> CollectAsync(IReadOnlyList<(PluginRouter Router, IReadOnlyList<TabRequest> Tabs)> plugins)
    {
        var asked = new List<(string TabId, Task<TabBadge?> Badge)>();
        foreach (var (router, tabs) in plugins)
        {
            var generation = router.Enter();
            if (generation is null)
            {
                continue;
            }

            if (generation.Services is null)
            {
                generation.Exit();
                continue;
            }

            var scope = generation.Services.CreateAsyncScope();
            List<ITabBadgeProvider> providers;
            try
            {
                providers = scope.ServiceProvider.GetServices<ITabBadgeProvider>().ToList();
            }
            catch (Exception ex)
            {
                LogProviderFailed(logger, router.PluginId, "", ex);
                await scope.DisposeAsync();
                generation.Exit();
                continue;
            }

            var cancel = new CancellationTokenSource(options.BadgeTimeout, time);
            var pluginTasks = new List<Task>();
            foreach (var tab in tabs)
            {
                foreach (var provider in providers)
                {
                    // Task.Run: a provider that blocks synchronously must not hold ListTabs either.
                    var badge = Task.Run(() => provider.GetBadgeAsync(tab, cancel.Token).AsTask());
                    asked.Add((TabIds.Qualify(tab.PluginId, tab.TabId), badge));
                    pluginTasks.Add(badge);
                }
            }

            _ = ReleaseWhenDone(router.PluginId, pluginTasks, scope, cancel, generation);
        }

        try
        {
            await Task.WhenAll(asked.Select(a => a.Badge)).WaitAsync(options.BadgeTimeout, time);
        }
        catch (Exception)
        {
            // Late or failed providers: the badges that did arrive are used below; failures are logged on release.
        }

        var badges = new Dictionary<string, TabBadge>(StringComparer.Ordinal);
        foreach (var (tabId, badge) in asked)
        {
            if (!badges.ContainsKey(tabId) && badge.IsCompletedSuccessfully && badge.Result is { Count: >= 1 } found)
            {
                badges[tabId] = found;
            }
        }

        return badges;
    }

    private async Task ReleaseWhenDone(string pluginId, List<Task> tasks, AsyncServiceScope scope, CancellationTokenSource cancel, PluginGeneration generation)
    {
        try
        {
            foreach (var task in tasks)
            {
                try
                {
                    await task;
                }
                catch (OperationCanceledException) when (cancel.IsCancellationRequested)
                {
                    LogProviderLate(logger, pluginId, options.BadgeTimeout.TotalMilliseconds);
                }
                catch (Exception ex)
                {
                    LogProviderFailed(logger, pluginId, ex.GetType().Name, ex);
                }
            }
        }
        finally
        {
            cancel.Dispose();
            await scope.DisposeAsync();
            generation.Exit();
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "A badge provider of plugin {PluginId} failed ({Kind}); its tab is listed without a badge")]
    private static partial void LogProviderFailed(ILogger logger, string pluginId, string kind, Exception exception);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "A badge provider of plugin {PluginId} did not answer within {Ms} ms; its tab is listed without a badge")]
    private static partial void LogProviderLate(ILogger logger, string pluginId, double ms);
}
