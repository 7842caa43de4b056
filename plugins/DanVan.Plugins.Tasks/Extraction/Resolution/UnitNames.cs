using System.Text;

namespace DanVan.Plugins.Tasks.Extraction.Resolution;

/// <summary>
/// One comparable form of a unit name: folded (no case, no diacritics), punctuation dropped, and the
/// usual abbreviations written out ("UBND" = "Ủy ban nhân dân", "VP" = "Văn phòng", "TT" = "Thường trực").
/// </summary>
internal static class UnitNames
{
    private static readonly (string Short, string Long)[] Abbreviations =
    [
        ("ubnd", "uy ban nhan dan"), ("hdnd", "hoi dong nhan dan"), ("ubmttqvn", "uy ban mat tran to quoc viet nam"),
        ("ubmttq", "uy ban mat tran to quoc"), ("mttq", "mat tran to quoc"), ("vp", "van phong"), ("tt", "thuong truc"),
        ("btv", "ban thuong vu"), ("bch", "ban chap hanh"), ("tp", "thanh pho"), ("tx", "thi xa"), ("tw", "trung uong"),
        ("snv", "so noi vu"),
    ];

    public static string Canonical(string name)
    {
        var folded = VietnameseText.Fold(VietnameseText.Normalize(name));
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Abbreviations.FirstOrDefault(a => a.Short == w).Long ?? w);
        return string.Join(' ', words);
    }
}
