using System.Globalization;
using System.Text;

namespace DanVan.Plugins.Data;

/// <summary>Diacritic- and case-insensitive text matching, the way officers search ("ha noi" finds "Hà Nội").</summary>
public static class Text
{
    /// <summary>
    /// In a <see cref="Specification{T}"/> criterion: true when the folded value of a
    /// <see cref="SearchableAttribute"/> property contains the folded <paramref name="query"/>.
    /// The store translates it to a LIKE on the shadow column; called directly it computes the same.
    /// </summary>
    public static bool Matches(string? value, string? query) =>
        value is not null && Fold(value).Contains(Fold(query ?? ""), StringComparison.Ordinal);

    /// <summary>Lower case, no diacritics, đ → d, whitespace runs collapsed and trimmed: "  Hà  Nội " → "ha noi".</summary>
    public static string Fold(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString();
    }
}
