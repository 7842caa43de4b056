using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins;

/// <summary>
/// Receives the changes the e-office host pushes (danvan.runtime.v1 EventsService): documents
/// issued, received, updated or revoked, org units created, changed or dissolved, users changed.
/// Implementations in the plugin's assembly are registered by the runtime's scan (see
/// <see cref="IPlugin.ConfigureServices"/>); every active plugin's handlers get every
/// event once (the runtime drops repeats by event id), in the order the host sent them on one call
/// or stream (events of concurrent calls may be handled concurrently, so handlers must be
/// thread-safe, and should order by <see cref="Event.OccurredAt"/> where it matters). Events
/// with a payload this runtime does not know are not delivered. A handler that throws or does not
/// finish within <c>PluginRuntimeOptions.EventHandlerTimeout</c> is logged and skipped; it affects
/// neither other plugins nor the host's acknowledgement, so handle your own retries.
/// </summary>
public interface IHostEventHandler
{
    /// <summary>Handles one event; <see cref="Event.PayloadCase"/> says what happened.</summary>
    ValueTask HandleAsync(Event hostEvent, CancellationToken cancellationToken);
}
