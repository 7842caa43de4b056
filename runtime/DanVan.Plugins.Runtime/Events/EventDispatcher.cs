using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Events;

/// <summary>
/// Hands an accepted event to every active plugin's <see cref="IHostEventHandler"/>s: plugins in parallel,
/// a plugin's handlers one after another in registration order, each bounded by
/// <see cref="PluginRuntimeOptions.EventHandlerTimeout"/>. A handler that throws or is late is logged and
/// costs only its own plugin; the event still counts as accepted (re-delivering it would repeat it for
/// the plugins that did handle it). Each plugin version is entered for the delivery, so an upgrade waits
/// for it.
/// </summary>
internal sealed partial class EventDispatcher(PluginManager manager, PluginRuntimeOptions options, TimeProvider time, ILogger<EventDispatcher> logger)
{
    public Task DeliverAsync(Event hostEvent) =>
        Task.WhenAll(manager.ActivePlugins().Select(p => DeliverToAsync(p.Router, hostEvent)));

    private async Task DeliverToAsync(PluginRouter router, Event hostEvent)
    {
        var generation = router.Enter();
        if (generation is null)
        {
            return;
        }

        try
        {
            if (generation.Services is null)
            {
                return;
            }

            await using var scope = generation.Services.CreateAsyncScope();
            foreach (var handler in scope.ServiceProvider.GetServices<IHostEventHandler>())
            {
                using var timeout = new CancellationTokenSource(options.EventHandlerTimeout, time);
                try
                {
                    // Task.Run: a handler that blocks synchronously is bounded by the timeout too.
                    await Task.Run(() => handler.HandleAsync(hostEvent, timeout.Token).AsTask()).WaitAsync(options.EventHandlerTimeout, time);
                }
                catch (TimeoutException)
                {
                    await timeout.CancelAsync();
                    LogHandlerLate(logger, router.PluginId, handler.GetType().Name, hostEvent.EventId, options.EventHandlerTimeout.TotalSeconds);
                }
                catch (Exception ex)
                {
                    LogHandlerFailed(logger, router.PluginId, handler.GetType().Name, hostEvent.EventId, ex);
                }
            }
        }
        catch (Exception ex)
        {
            // Resolving the plugin's handlers failed (a broken registration): the same isolation applies.
            LogHandlerFailed(logger, router.PluginId, "(resolving handlers)", hostEvent.EventId, ex);
        }
        finally
        {
            generation.Exit();
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Error, Message = "Plugin {PluginId}: event handler {Handler} failed on event {EventId}; other plugins are unaffected")]
    private static partial void LogHandlerFailed(ILogger logger, string pluginId, string handler, string eventId, Exception exception);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Plugin {PluginId}: event handler {Handler} did not finish event {EventId} within {Seconds} s; abandoned")]
    private static partial void LogHandlerLate(ILogger logger, string pluginId, string handler, string eventId, double seconds);
}
