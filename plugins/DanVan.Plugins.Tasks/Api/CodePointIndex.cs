namespace DanVan.Plugins.Tasks.Api;

/// <summary>
/// Turns UTF-16 offsets into the draft text (how the extractor counts) into Unicode code point offsets (what
/// the API promises, so Python and Java clients can slice the text directly). Vietnamese text has no
/// surrogate pairs, so usually the offsets are the same and nothing is allocated.
/// </summary>
internal sealed class CodePointIndex
{
    private readonly int[]? lowSurrogatesBefore;

    public CodePointIndex(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uDC00', '\uDFFF'))
        {
            return;
        }

        lowSurrogatesBefore = new int[text.Length + 1];
        for (var i = 0; i < text.Length; i++)
        {
            lowSurrogatesBefore[i + 1] = lowSurrogatesBefore[i] + (char.IsLowSurrogate(text[i]) ? 1 : 0);
        }
    }

    public int At(int utf16Offset) =>
        lowSurrogatesBefore is null ? utf16Offset : utf16Offset - lowSurrogatesBefore[Math.Clamp(utf16Offset, 0, lowSurrogatesBefore.Length - 1)];
}
