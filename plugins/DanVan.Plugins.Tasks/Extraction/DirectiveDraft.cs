namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// What the extractor read from one document, for an officer to review and edit before anything
/// becomes a task. Text is the normalised input every span points into (NFC, no-break spaces as
/// spaces, "Ð" as "Đ"; see VietnameseText.Normalize). Addressees are the
/// units the opening and closing sentences ask to act; Recipients are the Kính gửi and Nơi nhận
/// lists. Closing is the closing paragraph(s) after the items (their report lines and deadlines
/// apply to the whole document), null when there is none.
/// </summary>
internal sealed record DirectiveDraft(
    string Text,
    DocumentMetadata Metadata,
    IReadOnlyList<Recipient> Addressees,
    IReadOnlyList<Recipient> Recipients,
    IReadOnlyList<DraftItem> Items,
    DraftItem? Closing,
    IReadOnlyList<DraftMessage> Messages)
{
    public bool IsEmpty => Items.Count == 0;

    /// <summary>All items and sub-items, depth first.</summary>
    public IEnumerable<DraftItem> AllItems() => Items.SelectMany(i => i.SelfAndDescendants());

    public static DirectiveDraft Empty(string text, params DraftMessage[] messages) =>
        new(text, DocumentMetadata.Empty, [], [], [], null, messages);
}
