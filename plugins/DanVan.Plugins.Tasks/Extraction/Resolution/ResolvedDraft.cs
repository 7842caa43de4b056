namespace DanVan.Plugins.Tasks.Extraction.Resolution;

/// <summary>A draft with every unit it names matched against the directory (one lookup per distinct name).</summary>
internal sealed record ResolvedDraft(DirectiveDraft Draft, IReadOnlyDictionary<string, UnitResolution> ByName)
{
    /// <summary>The resolution of a mention from the draft.</summary>
    public UnitResolution For(UnitMention mention) => ByName[UnitNames.Canonical(mention.Name)];
}
