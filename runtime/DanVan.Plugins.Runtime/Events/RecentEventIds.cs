namespace DanVan.Plugins.Runtime.Events;

/// <summary>
/// The fallback when the runtime has no database: the ids of the most recent events, in memory and
/// bounded — the oldest id is forgotten when <c>capacity</c> is reached, and all are forgotten on
/// restart. With a database the runtime uses <see cref="DurableEventIds"/>, which keeps the contract's 30 days.
/// </summary>
internal sealed class RecentEventIds(int capacity) : IEventIdLedger
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public ValueTask<bool> TryClaimAsync(string eventId, CancellationToken cancellationToken) => ValueTask.FromResult(TryClaim(eventId));

    private bool TryClaim(string eventId)
    {
        lock (_lock)
        {
            if (!_ids.Add(eventId))
            {
                return false;
            }

            _order.Enqueue(eventId);
            while (_order.Count > Math.Max(1, capacity))
            {
                _ids.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
