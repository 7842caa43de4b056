namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>A range of the NFC-normalised document text an extracted value came from.</summary>
internal readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public string Of(string text) => text.Substring(Start, Length);

    public TextSpan Union(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));
}
