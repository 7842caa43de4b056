namespace DanVan.Plugins.Tasks.Progress;

/// <summary>What a piece of evidence points at.</summary>
internal enum EvidenceKind
{
    /// <summary>An e-office document; Reference is its id.</summary>
    Document = 0,

    /// <summary>An attachment of an e-office document; Reference is "documentId/attachmentId".</summary>
    Attachment = 1,

    /// <summary>An http(s) link; Reference is the absolute URL.</summary>
    Link = 2,
}
