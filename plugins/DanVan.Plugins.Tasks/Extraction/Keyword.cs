namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// A word or phrase to find among tokens, written with diacritics. An unaccented token matches on
/// its folded form ("so noi vu"); an accented one must have the same letters and tone ("Sở" is not
/// "Số"), wherever the tone mark sits.
/// </summary>
internal sealed class Keyword
{
    private readonly string[] folds;
    private readonly string[] toneKeys;

    public Keyword(string phrase)
    {
        Phrase = phrase;
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        folds = words.Select(VietnameseText.Fold).ToArray();
        toneKeys = words.Select(VietnameseText.ToneKey).ToArray();
    }

    public string Phrase { get; }

    public int WordCount => folds.Length;

    /// <summary>Tokens consumed when the phrase starts at index i, 0 when it does not.</summary>
    public int MatchAt(IReadOnlyList<Token> tokens, int i)
    {
        if (i + folds.Length > tokens.Count)
        {
            return 0;
        }

        for (var k = 0; k < folds.Length; k++)
        {
            var t = tokens[i + k];
            if (t.Kind == TokenKind.Punctuation ? t.Text != folds[k] : !WordMatches(t, k))
            {
                return 0;
            }
        }

        return folds.Length;
    }

    private bool WordMatches(Token t, int k) =>
        t.HasDiacritics ? t.ToneKey == toneKeys[k] : t.Fold == folds[k];

    public static Keyword[] Many(params string[] phrases) => phrases.Select(p => new Keyword(p)).ToArray();

    /// <summary>The longest of the keywords matching at i: (keyword, tokens consumed) or (null, 0).</summary>
    public static (Keyword? Keyword, int Length) Longest(IReadOnlyList<Token> tokens, int i, Keyword[] keywords)
    {
        if (i >= tokens.Count)
        {
            return (null, 0);
        }

        // Only keywords whose first word folds like the token can match; the index is built once per list.
        var byFirstWord = Indexes.GetValue(keywords, static k => k.GroupBy(w => w.folds[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));
        var t = tokens[i];
        if (!byFirstWord.TryGetValue(t.Kind == TokenKind.Punctuation ? t.Text : t.Fold, out var candidates))
        {
            return (null, 0);
        }

        Keyword? best = null;
        var bestLength = 0;
        foreach (var k in candidates)
        {
            var n = k.MatchAt(tokens, i);
            if (n > bestLength)
            {
                best = k;
                bestLength = n;
            }
        }

        return (best, bestLength);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Keyword[], Dictionary<string, Keyword[]>> Indexes = new();
}
