namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// One item (or sub-item) of the directive's content, with the units and deadlines its own text
/// names (children's text is not included; see Children).
/// Number is the label's value ("1", "a", "II") or, for bullets, the ordinal among siblings; Path
/// joins the Numbers from the top ("2.3" = third "- " under item 2). Text is the item's own text
/// without its label or markdown, whitespace collapsed; its span runs from after the label to the
/// end of the item's own text (FullSpan includes the label and the children).
/// Lead = "X chủ trì"; Cooperating = "phối hợp với Y, Z"; Assignees = units that are the subject of
/// a sentence ("Các cơ quan chuyên môn … phân công …"). An item that names no unit is for the
/// document's addressees.
/// </summary>
internal sealed record DraftItem(
    DraftItemKind Kind,
    string Label,
    string Number,
    string Path,
    int Level,
    Extracted<string> Text,
    TextSpan FullSpan,
    Extracted<UnitMention>? Lead,
    IReadOnlyList<Extracted<UnitMention>> Cooperating,
    IReadOnlyList<Extracted<UnitMention>> Assignees,
    IReadOnlyList<ReportLine> Reports,
    IReadOnlyList<Extracted<DueRule>> Deadlines,
    IReadOnlyList<DraftItem> Children)
{
    /// <summary>This item and all its descendants, depth first.</summary>
    public IEnumerable<DraftItem> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var d in child.SelfAndDescendants())
            {
                yield return d;
            }
        }
    }
}
