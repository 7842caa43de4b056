namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// A unit the document is addressed or sent to. Unit carries the mention's span; Purpose carries
/// the span of its "(để …)" note when there is one (for a note shared by several lines, the note's
/// own span and a lower confidence).
/// </summary>
internal sealed record Recipient(Extracted<UnitMention> Unit, RecipientSource Source, Extracted<RecipientPurpose> Purpose);
