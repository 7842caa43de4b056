namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>A unit mention found among tokens: [StartToken, EndToken) and whether it is collective.</summary>
internal readonly record struct MentionMatch(int StartToken, int EndToken, bool Collective);
