using System.Collections.Concurrent;

namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>The ids of the host events the recording handler got, in order.</summary>
internal sealed class ReceivedEvents
{
    private readonly ConcurrentQueue<string> _ids = new();

    public IReadOnlyList<string> Ids => [.. _ids];

    public void Add(string eventId) => _ids.Enqueue(eventId);
}
