using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Extraction.Resolution;

namespace DanVan.Plugins.Tasks.Review;

/// <summary>
/// Reads a document from the host and gives its draft: always asking the host (so the host's access
/// rules for the acting officer apply on every page), extracting only when the text is new to the cache.
/// </summary>
internal sealed class DocumentDrafts(DirectiveExtractor extractor, UnitResolver resolver, DraftCache cache, DocumentsService.DocumentsServiceClient? documents = null)
{
    /// <summary>The document in full view; RpcException as the host answers (NOT_FOUND, PERMISSION_DENIED, …), UNAVAILABLE without a host.</summary>
    public async Task<Document> GetDocumentAsync(string documentId, string? actingUserId, CancellationToken cancellationToken)
    {
        if (documents is null)
        {
            // The runtime offers the client only when it has a host address.
            throw new RpcException(new Status(StatusCode.Unavailable, "The runtime has no e-office host configured."));
        }

        var request = new GetDocumentRequest { DocumentId = documentId, View = DocumentView.Full, ActingUserId = actingUserId ?? string.Empty };
        var response = await documents.GetDocumentAsync(request, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
        return response.Document ?? throw new RpcException(new Status(StatusCode.NotFound, $"No document {documentId}."));
    }

    /// <summary>The draft of the document's text, from the cache when the text is unchanged.</summary>
    public DirectiveDraft DraftOf(Document document)
    {
        var text = document.FullText ?? string.Empty;
        if (cache.Find(document.Id, text) is { } cached)
        {
            return cached;
        }

        var draft = extractor.Extract(text);
        cache.Put(document.Id, text, draft);
        return draft;
    }

    /// <summary>The document for the officer, its draft, and the draft's units resolved as of the document's date.</summary>
    public async Task<DocumentReview> ReviewAsync(string documentId, string actingUserId, CancellationToken cancellationToken)
    {
        var document = await GetDocumentAsync(documentId, actingUserId, cancellationToken).ConfigureAwait(false);
        var draft = DraftOf(document);
        var issuer = string.IsNullOrEmpty(document.IssuerOrgUnitId) ? null : document.IssuerOrgUnitId;
        var resolved = await resolver.ResolveAsync(draft, issuer, cancellationToken).ConfigureAwait(false);
        return new DocumentReview(document, resolved);
    }

    /// <summary>
    /// Extracts ahead (for an event): from the snapshot when it carries the text, otherwise read with
    /// the runtime's own identity. Returns the draft.
    /// </summary>
    public async Task<DirectiveDraft> PrefetchAsync(string documentId, Document? snapshot, CancellationToken cancellationToken)
    {
        var document = snapshot is { FullText.Length: > 0 } ? snapshot : await GetDocumentAsync(documentId, null, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(document.Id))
        {
            document = document.Clone();
            document.Id = documentId;
        }

        return DraftOf(document);
    }

    public void Forget(string documentId) => cache.Remove(documentId);
}
