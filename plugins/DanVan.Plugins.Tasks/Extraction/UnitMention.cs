namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// A unit as the document names it, e.g. "Sở Nội vụ", "UBND các huyện, thị xã, thành phố". Name is
/// the text with whitespace collapsed (line breaks inside the name removed); Group says whether it
/// is a collective mention.
/// </summary>
internal sealed record UnitMention(string Name, UnitGroup Group)
{
    public bool IsGroup => Group != UnitGroup.None;
}
