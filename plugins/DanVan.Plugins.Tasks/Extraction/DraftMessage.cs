namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>A note for the officer reviewing the draft, in Vietnamese.</summary>
internal sealed record DraftMessage(DraftMessageCode Code, string Text);
