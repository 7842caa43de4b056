using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>Throws on documents issued with id "vb-loi", to show a failing handler is isolated.</summary>
internal sealed class FailingEventHandler : IHostEventHandler
{
    public ValueTask HandleAsync(Event hostEvent, CancellationToken cancellationToken) =>
        hostEvent.DocumentIssued?.DocumentId == "vb-loi"
            ? throw new InvalidOperationException("Cố ý lỗi khi xử lý sự kiện.")
            : ValueTask.CompletedTask;
}
