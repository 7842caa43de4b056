namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>A word, number or punctuation mark of the text, with its folded and tone-keyed forms.</summary>
internal sealed record Token(TokenKind Kind, int Start, int Length, string Text, string Fold, string ToneKey, bool HasDiacritics, bool BreakBefore)
{
    public int End => Start + Length;

    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>Starts with an upper-case letter ("Sở", "UBND").</summary>
    public bool IsCapitalized => Kind == TokenKind.Word && char.IsUpper(Text[0]);

    public bool IsAllCaps => Kind == TokenKind.Word && Text.Length > 1 && Text.All(c => !char.IsLetter(c) || char.IsUpper(c));

    public bool IsPunct(char c) => Kind == TokenKind.Punctuation && Text[0] == c;
}
