namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// One line of the text: [Start, End) without its line break; Content is the line trimmed of
/// whitespace and markdown emphasis ("**"), [ContentStart, ContentEnd) where it sits in the text;
/// Folded is Content folded with its whitespace collapsed, for comparisons.
/// </summary>
internal sealed record SourceLine(int Index, int Start, int End, int ContentStart, int ContentEnd, string Content, string Folded)
{
    public bool IsBlank => Content.Length == 0;

    public static List<SourceLine> Split(string text)
    {
        var lines = new List<SourceLine>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r' or '\u2028' or '\u2029' or '\u0085'))
            {
                continue;
            }

            lines.Add(Make(text, lines.Count, start, i));
            if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        return lines;
    }

    private static SourceLine Make(string text, int index, int start, int end)
    {
        var s = start;
        while (s < end && (char.IsWhiteSpace(text[s]) || text[s] == '*' || text[s] == '#' || text[s] == '>'))
        {
            s++;
        }

        var e = end;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == '*' || text[e - 1] == '\\'))
        {
            e--;
        }

        var content = text[s..e].Replace("**", string.Empty, StringComparison.Ordinal);
        // Folded is for comparisons only (whitespace collapsed), never for offsets.
        return new SourceLine(index, start, end, s, e, content, VietnameseText.Fold(UnitScanner.Collapse(content)));
    }
}
