namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Số, ký hiệu as printed: "Số: 123/UBND-NV" → Number "123", Notation "UBND-NV"; a blank number
/// ("Số: /UBND-NV", a document not yet numbered by the văn thư) has Number null.
/// </summary>
internal sealed record DocumentNumber(string? Number, string Notation)
{
    public bool IsBlank => Number is null;

    public override string ToString() => $"{Number}/{Notation}";
}
