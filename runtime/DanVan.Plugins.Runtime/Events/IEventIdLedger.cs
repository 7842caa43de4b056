namespace DanVan.Plugins.Runtime.Events;

/// <summary>The event ids the runtime has accepted, so a host's retry of one is dropped as a duplicate.</summary>
internal interface IEventIdLedger
{
    /// <summary>True when the id is new (and now remembered); false for a repeat.</summary>
    ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken);
}
