using System.Globalization;
using System.Text;

namespace DanVan.Plugins.HostSample.Text;

/// <summary>Folding for diacritic-insensitive comparison of Vietnamese text ("Tân Hưng" ≈ "tan hung", "đ" ≈ "d").</summary>
internal static class VietnameseText
{
    /// <summary>Lower-case, without diacritics, đ as d, runs of white space as one space, trimmed.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(folded))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(folded);
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>
    /// A unit name folded for matching: punctuation becomes space and the abbreviations documents use
    /// ("UBND", "HĐND", "MTTQ", "TP", "VP") are spelled out, so "UBND huyện Tháp Mười," matches
    /// "Ủy ban nhân dân huyện Tháp Mười".
    /// </summary>
    public static string NameKey(string? text)
    {
        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.TryGetValue(w, out var full) ? full : w);
        return string.Join(' ', words);
    }

    /// <summary>True when the text is in Unicode NFC.</summary>
    public static bool IsNfc(string? text) => text is null || text.IsNormalized(NormalizationForm.FormC);

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["ubnd"] = "uy ban nhan dan",
        ["hdnd"] = "hoi dong nhan dan",
        ["mttq"] = "mat tran to quoc",
        ["ubmttq"] = "uy ban mat tran to quoc",
        ["ubmttqvn"] = "uy ban mat tran to quoc viet nam",
        ["tp"] = "thanh pho",
        ["tx"] = "thi xa",
        ["vp"] = "van phong",
        ["tt"] = "thuong truc",
    };
}
