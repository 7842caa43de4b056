namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// The parts of a document: header lines (before the first item), the item tree, the closing
/// paragraph(s), and the Nơi nhận block, as line indexes and text offsets.
/// </summary>
internal sealed record DocumentLayout(
    IReadOnlyList<SourceLine> Lines,
    int BodyStartLine,
    int HeaderEnd,
    IReadOnlyList<RawItem> Items,
    TextSpan? Closing,
    int NoiNhanLine,
    int EndLine);
