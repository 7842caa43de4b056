namespace DanVan.Plugins.Runtime.Events;

/// <summary>
/// The ids of the most recent events, to drop a host's retries. In memory and bounded: the oldest id is
/// forgotten when <c>capacity</c> is reached, and all are forgotten on restart. (The contract promises 30
/// days; that needs the runtime's database and comes with the storage layer.)
/// </summary>
internal sealed class RecentEventIds(int capacity)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True when the id is new (and now remembered); false for a repeat.</summary>
    public bool TryClaim(string eventId)
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
