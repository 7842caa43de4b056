using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins.TestPlugins.Greeter;

internal sealed class RecordingEventHandler(ReceivedEvents received) : IHostEventHandler
{
    public ValueTask HandleAsync(Event hostEvent, CancellationToken cancellationToken)
    {
        received.Add(hostEvent.EventId);
        return ValueTask.CompletedTask;
    }
}
