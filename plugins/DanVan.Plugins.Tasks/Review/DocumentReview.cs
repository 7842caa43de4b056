using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Extraction.Resolution;

namespace DanVan.Plugins.Tasks.Review;

/// <summary>A document as the host gave it to the officer, with its draft and the draft's units resolved.</summary>
internal sealed record DocumentReview(Document Document, ResolvedDraft Resolved)
{
    /// <summary>The document's <see cref="DraftFingerprint"/>, as this review read it.</summary>
    public string Fingerprint { get; } = DraftFingerprint.Of(Document);
}
