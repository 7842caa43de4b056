namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>Thể thức fields of the document (NĐ 30/2020 Art. 8) that the text shows; null when absent.</summary>
internal sealed record DocumentMetadata(
    Extracted<DocumentKind>? Kind,
    Extracted<DocumentNumber>? Number,
    Extracted<string>? Issuer,
    Extracted<string>? Place,
    Extracted<DocumentDate>? IssueDate,
    Extracted<string>? Subject)
{
    public static DocumentMetadata Empty { get; } = new(null, null, null, null, null, null);
}
