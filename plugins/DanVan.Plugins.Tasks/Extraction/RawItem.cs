namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>An item as the structure parser finds it, before its facts are read.</summary>
internal sealed class RawItem(LineLabel label, int labelStart)
{
    public LineLabel Label { get; } = label;

    public int LabelStart { get; } = labelStart;

    /// <summary>End of the item's own text (before its first child, or its end).</summary>
    public int OwnEnd { get; set; }

    public int End { get; set; }

    public List<RawItem> Children { get; } = [];
}
