namespace DanVan.Plugins.Tasks.Extraction;

internal enum TokenKind
{
    Word,
    Number,
    Punctuation,
}
