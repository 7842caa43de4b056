using System.Text.RegularExpressions;

namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>Reads item labels ("1.", "**1.**", "II.", "a)", "1.2.", "Điều 1.", "Thứ nhất,", "- ", "+ ") at the start of lines
/// and knows their order (I, II, III…; a, b, c, d, đ, e…).</summary>
internal static partial class LabelReader
{
    private const string VietnameseLetters = "abcdđeghiklmnopqrstuvxy";

    [GeneratedRegex(@"^[ \t\u00A0]*(?:\*\*|__)?[ \t]*(?:(?<roman>[IVX]{1,5})[ \t]*[.)\-–](?!\d)|(?<sub>\d{1,2}(?:\.\d{1,2}){1,2})\.?(?![\d/])|(?<num>\d{1,2})[ \t]*[.)](?![\d/])|(?<let>[a-zđ])[ \t]*[).](?![a-zđ]))(?:[ \t]*(?:\*\*|__))?[ \t\u00A0]+(?=\S)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Numbered();

    // "Điều 1." of a quyết định: the articles are its numbered items.
    [GeneratedRegex(@"^[ \t\u00A0]*(?:\*\*|__)?[ \t]*(?:Điều|ĐIỀU|Dieu|DIEU)[ \t]+(?<n>\d{1,3})[ \t]*[.:](?:[ \t]*(?:\*\*|__))?[ \t\u00A0]+(?=\S)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Article();

    // "Thứ nhất, …", "Thứ hai, …" of a thông báo kết luận: numbered items spelled in words.
    [GeneratedRegex(@"^[ \t\u00A0]*(?:\*\*|__)?[ \t]*th(?:ứ|u)[ \t]+(?<o>nhất|nhat|hai|ba|tư|tu|năm|nam|sáu|sau|bảy|bay|tám|tam|chín|chin|mười|muoi)(?:[ \t]*(?:\*\*|__))?[ \t]*[,:.](?:[ \t]*(?:\*\*|__))?[ \t\u00A0]+(?=\S)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Ordinal();

    private static readonly string[] OrdinalWords = ["nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi"];

    [GeneratedRegex(@"^[ \t\u00A0]*(?<b>[-+•–—]|\*(?!\*))[ \t\u00A0]+(?=\S)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Bullet();

    public static LineLabel? Read(string text, SourceLine line)
    {
        var raw = text[line.Start..line.End];
        var m = Numbered().Match(raw);
        if (m.Success)
        {
            var (kind, value) = m.Groups["roman"].Success ? (DraftItemKind.Section, m.Groups["roman"].Value)
                : m.Groups["sub"].Success ? (DraftItemKind.SubNumbered, m.Groups["sub"].Value)
                : m.Groups["num"].Success ? (DraftItemKind.Numbered, m.Groups["num"].Value)
                : (DraftItemKind.Lettered, m.Groups["let"].Value);
            var written = raw[..m.Length].Replace("*", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
            return new LineLabel(kind, value, written, line.Start + m.Length);
        }

        var a = Article().Match(raw);
        if (a.Success)
        {
            var written = raw[..a.Length].Replace("*", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
            var value = int.Parse(a.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new LineLabel(DraftItemKind.Numbered, value, written, line.Start + a.Length);
        }

        var o = Ordinal().Match(raw);
        if (o.Success)
        {
            var written = raw[..o.Length].Replace("*", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
            var index = Array.IndexOf(OrdinalWords, VietnameseText.Fold(o.Groups["o"].Value));
            return new LineLabel(DraftItemKind.Numbered, (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), written, line.Start + o.Length);
        }

        var b = Bullet().Match(raw);
        if (b.Success)
        {
            var c = b.Groups["b"].Value;
            var kind = c switch { "-" or "–" or "—" => DraftItemKind.Dash, "+" => DraftItemKind.Plus, _ => DraftItemKind.Bullet };
            return new LineLabel(kind, c, c, line.Start + b.Length);
        }

        return null;
    }

    /// <summary>True when value starts a list of its kind (1, I, a, x.1); bullets always may.</summary>
    public static bool IsFirst(DraftItemKind kind, string value) => kind switch
    {
        DraftItemKind.Numbered => value == "1",
        DraftItemKind.Section => value == "I",
        DraftItemKind.Lettered => value == "a",
        DraftItemKind.SubNumbered => value.EndsWith(".1", StringComparison.Ordinal),
        _ => true,
    };

    /// <summary>True when value follows previous in a list of its kind; bullets always do.</summary>
    public static bool IsNext(DraftItemKind kind, string previous, string value) => kind switch
    {
        DraftItemKind.Numbered => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) == int.Parse(previous, System.Globalization.CultureInfo.InvariantCulture) + 1,
        DraftItemKind.Section => RomanValue(value) == RomanValue(previous) + 1,
        DraftItemKind.Lettered => IsNextLetter(previous, value),
        DraftItemKind.SubNumbered => IsNextSub(previous, value),
        _ => true,
    };

    private static bool IsNextLetter(string previous, string value)
    {
        var p = VietnameseLetters.IndexOf(previous[0], StringComparison.Ordinal);
        var v = VietnameseLetters.IndexOf(value[0], StringComparison.Ordinal);
        // "đ" is often skipped, and "f", "j", "w", "z" appear in lists typed by the Latin alphabet.
        return (p >= 0 && v >= 0 && (v == p + 1 || (value == "e" && previous == "d"))) || value[0] == previous[0] + 1;
    }

    private static bool IsNextSub(string previous, string value)
    {
        var p = previous.Split('.');
        var v = value.Split('.');
        return p.Length == v.Length && p[..^1].SequenceEqual(v[..^1]) && int.Parse(v[^1], System.Globalization.CultureInfo.InvariantCulture) == int.Parse(p[^1], System.Globalization.CultureInfo.InvariantCulture) + 1;
    }

    private static int RomanValue(string roman)
    {
        var total = 0;
        for (var i = 0; i < roman.Length; i++)
        {
            var v = Digit(roman[i]);
            total += i + 1 < roman.Length && Digit(roman[i + 1]) > v ? -v : v;
        }

        return total;
    }

    private static int Digit(char c) => c switch { 'I' => 1, 'V' => 5, 'X' => 10, _ => 0 };
}
