using System.Text.RegularExpressions;

namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Reads the thể thức fields from the header lines: cơ quan ban hành (capitalised lines above the
/// quốc hiệu or "CỦA …" under the kind), số/ký hiệu (blank number allowed), địa danh and ngày ban hành
/// (blank day allowed), loại văn bản (its own line, "V/v", or the ký hiệu), and trích yếu ("V/v …" or
/// "Về …").
/// </summary>
internal static partial class MetadataParser
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"^[\s*_]*so[ \t]*:?[ \t]*(?<num>\d{1,6})?[ \t]*(?<sep>[/-])[ \t]*(?<sym>[a-z0-9][a-z0-9.&/\-]*)", Options, 1000)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"(?<place>[a-z][a-z \-.]{1,40}?)[ \t]*,[ \t]*ngay[ \t]*(?:(?<d>\d{1,2})[ \t]*(?:thang|/|-)|(?:[ \t.…_]*thang))[ \t]*(?<m>\d{1,2})[ \t]*(?:nam|/|-)[ \t]*(?<y>\d{4})", Options, 1000)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"cong\s+hoa\s+xa\s+hoi", Options, 1000)]
    private static partial Regex NationalMotto();

    private static readonly (string Name, DocumentKind Kind)[] Kinds =
    [
        ("chi thi", DocumentKind.Directive), ("ke hoach", DocumentKind.Plan), ("cong van", DocumentKind.OfficialLetter),
        ("quyet dinh", DocumentKind.Decision), ("nghi quyet", DocumentKind.Resolution), ("thong bao", DocumentKind.Notice),
        ("huong dan", DocumentKind.Guidance), ("chuong trinh", DocumentKind.Program), ("bao cao", DocumentKind.Report),
        ("cong dien", DocumentKind.Dispatch), ("ket luan", DocumentKind.Conclusion),
    ];

    private static readonly (string Code, DocumentKind Kind)[] NotationCodes =
    [
        ("ct", DocumentKind.Directive), ("kh", DocumentKind.Plan), ("qd", DocumentKind.Decision), ("nq", DocumentKind.Resolution),
        ("tb", DocumentKind.Notice), ("hd", DocumentKind.Guidance), ("ctr", DocumentKind.Program), ("bc", DocumentKind.Report),
        ("cd", DocumentKind.Dispatch), ("kl", DocumentKind.Conclusion), ("cv", DocumentKind.OfficialLetter),
    ];

    public static DocumentMetadata Parse(string text, IReadOnlyList<SourceLine> lines, DocumentLayout layout)
    {
        var headerEnd = layout.BodyStartLine >= 0 ? layout.BodyStartLine : Math.Min(lines.Count, 40);
        var header = lines.Take(headerEnd).Where(l => !l.IsBlank).ToList();

        var number = ReadNumber(text, header);
        var (place, date) = ReadDate(text, header);
        var kindLine = header.FirstOrDefault(l => KindOf(l) is not null && IsUpper(l.Content));
        var kind = kindLine is not null
            ? new Extracted<DocumentKind>(KindOf(kindLine)!.Value, new TextSpan(kindLine.ContentStart, kindLine.ContentEnd - kindLine.ContentStart), 0.95)
            : null;
        var subjectLine = header.FirstOrDefault(l => l.Folded.StartsWith("v/v", StringComparison.Ordinal));
        Extracted<string>? subject = null;
        if (subjectLine is not null)
        {
            var start = text.IndexOf('/', subjectLine.ContentStart) + 2;
            var end = subjectLine.ContentEnd;
            // A trích yếu wrapped onto the next line goes on in lower case ("V/v báo cáo … dân vận\nchính quyền …").
            var previous = subjectLine.Index;
            foreach (var next in header.SkipWhile(l => l != subjectLine).Skip(1))
            {
                if (next.Index != previous + 1 || !char.IsLower(next.Content[0]))
                {
                    break;
                }

                end = next.ContentEnd;
                previous = next.Index;
            }

            subject = new Extracted<string>(UnitScanner.CleanName(text[start..end]).TrimStart(' ', ':'), TextSpan.FromBounds(start, end), 0.9);
            kind ??= new Extracted<DocumentKind>(DocumentKind.OfficialLetter, new TextSpan(subjectLine.ContentStart, 3), 0.85);
        }
        else if (kindLine is not null)
        {
            var about = After(header, kindLine, 3).FirstOrDefault(l => (l.Folded.StartsWith("ve ", StringComparison.Ordinal) || l.Folded.StartsWith("v/v", StringComparison.Ordinal)));
            if (about is not null)
            {
                subject = new Extracted<string>(UnitScanner.Collapse(about.Content), new TextSpan(about.ContentStart, about.ContentEnd - about.ContentStart), 0.9);
            }
            else
            {
                // "KẾ HOẠCH / Thực hiện công tác dân vận năm 2024": the first line in sentence case under the kind.
                var next = After(header, kindLine, 3).FirstOrDefault(l => !(l.Folded.StartsWith("cua ", StringComparison.Ordinal) && IsUpper(l.Content)));
                if (next is not null && !IsUpper(next.Content) && !next.Content.EndsWith(':') && next.Content.Length < 300)
                {
                    subject = new Extracted<string>(UnitScanner.Collapse(next.Content), new TextSpan(next.ContentStart, next.ContentEnd - next.ContentStart), 0.75);
                }
            }
        }

        if (kind is null && number is not null)
        {
            kind = KindFromNotation(number);
        }

        var issuer = ReadIssuer(text, header, kindLine);
        return new DocumentMetadata(kind, number, issuer, place, date, subject);
    }

    private static Extracted<DocumentNumber>? ReadNumber(string text, List<SourceLine> header)
    {
        foreach (var line in header)
        {
            var raw = text[line.Start..line.End];
            var m = NumberLine().Match(VietnameseText.Fold(raw));
            if (!m.Success)
            {
                continue;
            }

            var symbol = m.Groups["sym"];
            var notation = raw.Substring(symbol.Index, symbol.Length).TrimEnd('.', '/', '-');
            var num = m.Groups["num"].Success ? m.Groups["num"].Value : null;
            var matchStart = line.Start + raw.IndexOf(raw.TrimStart(' ', '\t', '*', '_')[0], StringComparison.Ordinal);
            var span = TextSpan.FromBounds(matchStart, line.Start + symbol.Index + notation.Length);
            var separator = m.Groups["sep"].Value[0];
            return new Extracted<DocumentNumber>(new DocumentNumber(num, notation, separator), span, num is null ? 0.9 : 0.95);
        }

        return null;
    }

    private static (Extracted<string>? Place, Extracted<DocumentDate>? Date) ReadDate(string text, List<SourceLine> header)
    {
        foreach (var line in header.Where(l => l.Content.Length < 120))
        {
            var raw = text[line.Start..line.End];
            var m = DateLine().Match(VietnameseText.Fold(raw));
            if (!m.Success)
            {
                continue;
            }

            int? day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            var month = int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || year is < 1900 or > 2200 || (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year, month))))
            {
                continue;
            }

            var placeGroup = m.Groups["place"];
            var placeText = raw.Substring(placeGroup.Index, placeGroup.Length);
            var trimmedStart = placeGroup.Index + (placeText.Length - placeText.TrimStart(' ', '*', '_').Length);
            var placeValue = UnitScanner.Collapse(raw[trimmedStart..(placeGroup.Index + placeGroup.Length)]).Trim();
            var place = placeValue.Length > 0 ? new Extracted<string>(placeValue, TextSpan.FromBounds(line.Start + trimmedStart, line.Start + placeGroup.Index + placeGroup.Length), 0.9) : null;
            var dateStart = line.Start + raw.IndexOf(',', placeGroup.Index + placeGroup.Length) + 1;
            while (dateStart < line.End && char.IsWhiteSpace(text[dateStart]))
            {
                dateStart++;
            }

            var date = new Extracted<DocumentDate>(new DocumentDate(year, month, day), TextSpan.FromBounds(dateStart, line.Start + m.Index + m.Length), day is null ? 0.8 : 0.95);
            return (place, date);
        }

        return (null, null);
    }

    private static Extracted<string>? ReadIssuer(string text, List<SourceLine> header, SourceLine? kindLine)
    {
        // Capitalised lines naming a body, above the quốc hiệu / kind / number.
        var block = new List<SourceLine>();
        foreach (var line in header)
        {
            if (line == kindLine || line.Folded.StartsWith("so", StringComparison.Ordinal) && line.Content.Contains('/', StringComparison.Ordinal) || DateLine().IsMatch(line.Folded))
            {
                break;
            }

            var content = line.Content;
            var national = line.Folded.IndexOf("cong hoa xa hoi", StringComparison.Ordinal);
            if (national == 0 || line.Folded.StartsWith("doc lap", StringComparison.Ordinal))
            {
                if (block.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (IsUpper(content) && content.Any(char.IsLetter))
            {
                block.Add(line);
                continue;
            }

            break;
        }

        if (block.Count > 0)
        {
            var end = block[^1].ContentEnd;
            var national = NationalMotto().Match(VietnameseText.Fold(text[block[0].ContentStart..end]));
            var cut = national.Success ? national.Index : -1;
            if (cut > 0)
            {
                end = block[0].ContentStart + cut;
            }

            var name = UnitScanner.CleanName(text[block[0].ContentStart..end]);
            if (name.Length > 0)
            {
                return new Extracted<string>(name, TextSpan.FromBounds(block[0].ContentStart, end), 0.9);
            }
        }

        // "CHỈ THỊ / CỦA BAN THƯỜNG VỤ HUYỆN ỦY".
        if (kindLine is not null)
        {
            var of = After(header, kindLine, 3).FirstOrDefault(l => l.Folded.StartsWith("cua ", StringComparison.Ordinal) && IsUpper(l.Content));
            if (of is not null)
            {
                var start = Math.Min(of.ContentStart + "của".Length, of.ContentEnd);
                while (start < of.ContentEnd && char.IsWhiteSpace(text[start]))
                {
                    start++;
                }

                return new Extracted<string>(UnitScanner.CleanName(text[start..of.ContentEnd]), TextSpan.FromBounds(start, of.ContentEnd), 0.85);
            }
        }

        return null;
    }

    /// <summary>The next count non-blank header lines after line (blank lines do not count).</summary>
    private static IEnumerable<SourceLine> After(List<SourceLine> header, SourceLine line, int count) =>
        header.SkipWhile(l => l != line).Skip(1).Take(count);

    private static DocumentKind? KindOf(SourceLine line)
    {
        var f = line.Folded.TrimEnd('.', ':');
        foreach (var (name, kind) in Kinds)
        {
            if (f == name || (f.StartsWith(name + " ", StringComparison.Ordinal) && f.Length < name.Length + 40 && !f.Contains(',', StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        return null;
    }

    private static Extracted<DocumentKind>? KindFromNotation(Extracted<DocumentNumber> number)
    {
        var parts = VietnameseText.Fold(number.Value.Notation).Split('-', '/');
        foreach (var part in parts)
        {
            foreach (var (code, kind) in NotationCodes)
            {
                if (part == code)
                {
                    return new Extracted<DocumentKind>(kind, number.Span, 0.8);
                }
            }
        }

        // "/UBND-NV": the issuer's code straight after the number marks a công văn.
        return new Extracted<DocumentKind>(DocumentKind.OfficialLetter, number.Span, 0.6);
    }

    private static bool IsUpper(string content)
    {
        var letters = content.Where(char.IsLetter).ToList();
        return letters.Count > 0 && letters.Count(char.IsUpper) * 10 >= letters.Count * 9;
    }
}
