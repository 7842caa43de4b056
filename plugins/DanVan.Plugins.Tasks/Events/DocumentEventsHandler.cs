using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Tasks.Review;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Tasks.Events;

/// <summary>
/// Extracts a document's draft as soon as it is issued or received, so its badge is ready when an
/// officer opens it; drops the cached draft when a document is updated (re-extracted) or revoked.
/// Failures are logged and swallowed: the page extracts on demand anyway.
/// </summary>
internal sealed class DocumentEventsHandler(DocumentDrafts drafts, ILogger<DocumentEventsHandler> logger) : IHostEventHandler
{
    public async ValueTask HandleAsync(Event hostEvent, CancellationToken cancellationToken)
    {
        var (documentId, snapshot) = hostEvent.PayloadCase switch
        {
            Event.PayloadOneofCase.DocumentIssued => (hostEvent.DocumentIssued.DocumentId, hostEvent.DocumentIssued.Document),
            Event.PayloadOneofCase.DocumentReceived => (hostEvent.DocumentReceived.DocumentId, hostEvent.DocumentReceived.Document),
            Event.PayloadOneofCase.DocumentUpdated => (hostEvent.DocumentUpdated.DocumentId, hostEvent.DocumentUpdated.Document),
            _ => (null, null),
        };
        if (hostEvent.PayloadCase == Event.PayloadOneofCase.DocumentRevoked)
        {
            drafts.Forget(hostEvent.DocumentRevoked.DocumentId);
            return;
        }

        if (string.IsNullOrEmpty(documentId))
        {
            return;
        }

        try
        {
            var draft = await drafts.PrefetchAsync(documentId, snapshot, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Pre-extracted document {DocumentId} ({EventId}): {Items} items, {Messages} notes", documentId, hostEvent.EventId, draft.Items.Count, draft.Messages.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not pre-extract document {DocumentId} ({EventId})", documentId, hostEvent.EventId);
        }
    }
}
