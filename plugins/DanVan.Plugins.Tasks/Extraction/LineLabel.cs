namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>An item label at the start of a line: its kind, value ("1", "a", "II", "1.2"), the label
/// as written, and where the item's text begins after it.</summary>
internal sealed record LineLabel(DraftItemKind Kind, string Value, string Written, int TextStart);
