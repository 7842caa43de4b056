namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Số, ký hiệu as printed: "Số: 123/UBND-NV" → Number "123", Notation "UBND-NV"; a blank number
/// ("Số: /UBND-NV", a document not yet numbered by the văn thư) has Number null. Party documents
/// put a dash after the number ("Số 125-CV/BDVTU": Separator '-', Notation "CV/BDVTU").
/// </summary>
internal sealed record DocumentNumber(string? Number, string Notation, char Separator = '/')
{
    public bool IsBlank => Number is null;

    public override string ToString() => $"{Number}{Separator}{Notation}";
}
