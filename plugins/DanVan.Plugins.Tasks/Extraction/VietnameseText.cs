using System.Globalization;
using System.Text;

namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Diacritic-insensitive forms of Vietnamese text. Fold keeps the string's length (one char per
/// char) so that a match in the folded text is a span of the original; ToneKey tells "sở" from "số"
/// while treating old- and new-style tone placement ("hoà"/"hòa", "Uỷ"/"Ủy") as the same word.
/// </summary>
internal static class VietnameseText
{
    private const int TableSize = 0x2000;
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>
    /// NFC, with no-break spaces read as spaces and the look-alike "Ð/ð" (eth, left by old font
    /// converters) read as "Đ/đ". The replacements keep the length, so spans stay valid.
    /// </summary>
    public static string Normalize(string text)
    {
        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        if (nfc.AsSpan().IndexOfAny("\u00A0\u2007\u202F\u00D0\u00F0") < 0)
        {
            return nfc;
        }

        return string.Create(nfc.Length, nfc, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = s[i] switch
                {
                    '\u00A0' or '\u2007' or '\u202F' => ' ',
                    '\u00D0' => '\u0110',
                    '\u00F0' => '\u0111',
                    var c => c,
                };
            }
        });
    }

    public static char Fold(char c)
    {
        if (c < TableSize)
        {
            return FoldTable[c];
        }

        return char.ToLowerInvariant(c);
    }

    /// <summary>Lower case, no diacritics, đ → d; same length as the input.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, s) =>
    {
        for (var i = 0; i < s.Length; i++)
        {
            span[i] = Fold(s[i]);
        }
    });

    public static bool HasDiacritics(string word)
    {
        foreach (var c in word)
        {
            if (c >= 0x80 && char.IsLetter(c) && Fold(c) != char.ToLowerInvariant(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Lower case with vowel marks (â ă ê ô ơ ư đ) kept and the tone moved to the end: "hoà" and
    /// "hòa" both give "hoa\u0300".
    /// </summary>
    public static string ToneKey(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(decomposed.Length);
        var tones = new StringBuilder(1);
        foreach (var c in decomposed)
        {
            if (IsTone(c))
            {
                tones.Append(c);
            }
            else
            {
                letters.Append(c);
            }
        }

        return letters.ToString().Normalize(NormalizationForm.FormC) + tones.ToString();
    }

    private static bool IsTone(char c) => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323' or '\u0340' or '\u0341';

    private static char[] BuildFoldTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            if (c is 'đ' or 'Đ')
            {
                table[i] = 'd';
                continue;
            }

            if (c < 0x80 || char.IsSurrogate(c))
            {
                table[i] = char.ToLowerInvariant(c);
                continue;
            }

            var d = c.ToString().Normalize(NormalizationForm.FormD);
            var b = d[0];
            table[i] = b < 0x80 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter
                ? char.ToLowerInvariant(b)
                : char.ToLowerInvariant(c);
        }

        return table;
    }
}
