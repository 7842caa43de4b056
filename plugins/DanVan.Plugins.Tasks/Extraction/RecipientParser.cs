using System.Text.RegularExpressions;

namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Reads the "Kính gửi:" and "Nơi nhận:" lists. Each "- " line (split at ";") is one recipient; a
/// "(để báo cáo)"/"(để t/h)" note applies to its line, to the lines bracketed with it by "|", and a
/// note standing alone after the list applies to the lines above it that have none. "Lưu: …" and
/// "CV: …" are the issuer's own files; "Như trên" points back to Kính gửi.
/// </summary>
internal static partial class RecipientParser
{
    [GeneratedRegex(@"\(\s*(?:de\s+)?(?<n>bao\s+cao|b\s*/\s*c|thuc\s+hien|t\s*/\s*h|th|biet|phoi\s+hop|p\s*/\s*h|theo\s+doi|giam\s+sat|chi\s+dao(?:\s+thuc\s+hien)?|thi\s+hanh)\s*\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Note();

    // "Như Điều 4": a quyết định's Nơi nhận pointing at the article that names who carries it out.
    [GeneratedRegex(@"^nhu\s+(?:dieu|khoan)\s+\d", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NhuDieu();

    [GeneratedRegex(@"^[\s*_]*[-+•–]\s*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex BulletPrefix();

    public static List<Recipient> ParseKinhGui(string text, IReadOnlyList<SourceLine> lines, int before)
    {
        var result = new List<Recipient>();
        var start = lines.Take(before).FirstOrDefault(l => l.Folded.StartsWith("kinh gui", StringComparison.Ordinal));
        if (start is null)
        {
            return result;
        }

        var colon = text.IndexOf(':', start.ContentStart, start.ContentEnd - start.ContentStart);
        if (colon >= 0 && colon + 1 < start.ContentEnd)
        {
            AddParts(text, colon + 1, start.ContentEnd, RecipientSource.KinhGui, null, result);
        }

        for (var i = start.Index + 1; i < before; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            var bullet = BulletPrefix().Match(text, line.Start, line.End - line.Start);
            if (!bullet.Success)
            {
                break;
            }

            AddParts(text, Math.Min(bullet.Index + bullet.Length, line.ContentEnd), line.ContentEnd, RecipientSource.KinhGui, null, result);
        }

        return result;
    }

    public static List<Recipient> ParseNoiNhan(string text, IReadOnlyList<SourceLine> lines, int noiNhanLine)
    {
        var result = new List<Recipient>();
        if (noiNhanLine < 0)
        {
            return result;
        }

        var start = lines[noiNhanLine];
        var colon = text.IndexOf(':', start.ContentStart, start.ContentEnd - start.ContentStart);
        if (colon >= 0 && colon + 1 < start.ContentEnd && UnitScanner.CleanName(text[(colon + 1)..start.ContentEnd]).Split(' ').Length >= 2)
        {
            AddParts(text, colon + 1, start.ContentEnd, RecipientSource.NoiNhan, null, result);
        }

        var pendingFrom = result.Count;
        Extracted<RecipientPurpose>? bracketNote = null;
        for (var i = noiNhanLine + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            var bullet = BulletPrefix().Match(text, line.Start, line.End - line.Start);
            if (!bullet.Success)
            {
                // A note alone on its line: for every line above without a note of its own.
                var lone = Note().Match(VietnameseText.Fold(text[line.ContentStart..line.ContentEnd]));
                if (lone.Success && lone.Index <= 2)
                {
                    var note = new Extracted<RecipientPurpose>(Purpose(lone.Groups["n"].Value), new TextSpan(line.ContentStart + lone.Index, lone.Length), 0.7);
                    for (var k = pendingFrom; k < result.Count; k++)
                    {
                        if (result[k].Purpose.Value == RecipientPurpose.Unspecified)
                        {
                            result[k] = result[k] with { Purpose = note };
                        }
                    }

                    pendingFrom = result.Count;
                    continue;
                }

                break;
            }

            // An empty bullet ("- ") ends where its content does.
            var contentStart = Math.Min(bullet.Index + bullet.Length, line.ContentEnd);
            var raw = text[contentStart..line.ContentEnd];
            var folded = VietnameseText.Fold(raw);
            var bar = raw.IndexOf('|', StringComparison.Ordinal);
            var noteMatch = Note().Match(folded);
            Extracted<RecipientPurpose>? own = noteMatch.Success
                ? new Extracted<RecipientPurpose>(Purpose(noteMatch.Groups["n"].Value), new TextSpan(contentStart + noteMatch.Index, noteMatch.Length), 0.95)
                : null;
            if (bar >= 0)
            {
                // "- Ban Thường vụ Tỉnh ủy, | (để báo cáo)" then "- Ban Dân vận Tỉnh ủy, |": one bracket, one note.
                if (own is not null)
                {
                    bracketNote = own;
                }
                else if (bracketNote is not null)
                {
                    own = bracketNote with { Confidence = 0.8 };
                }
            }
            else
            {
                bracketNote = null;
            }

            var unitEnd = contentStart + (bar >= 0 ? bar : noteMatch.Success ? noteMatch.Index : raw.Length);
            AddParts(text, contentStart, unitEnd, RecipientSource.NoiNhan, own, result);
            if (own is not null)
            {
                pendingFrom = result.Count;
            }

        }

        return result;
    }

    private static void AddParts(string text, int start, int end, RecipientSource source, Extracted<RecipientPurpose>? note, List<Recipient> result)
    {
        var whole = text[start..end];
        var folded = VietnameseText.Fold(whole).TrimStart();
        // "Lưu: VT, NCVN." is one entry even though it has commas; "TT.HU; TT.HĐND huyện;" is two.
        var archive = folded.StartsWith("luu", StringComparison.Ordinal) || folded.StartsWith("cv:", StringComparison.Ordinal) || folded.StartsWith("cv :", StringComparison.Ordinal);
        var parts = archive ? [(start, end)] : SplitAt(text, start, end, ';');
        foreach (var (s, e) in parts)
        {
            var (ts, te) = Trim(text, s, e);
            if (te <= ts)
            {
                continue;
            }

            var name = UnitScanner.CleanName(text[ts..te]);
            if (name.Length == 0 || !name.Any(char.IsLetter))
            {
                continue;
            }

            var span = TextSpan.FromBounds(ts, te);
            var f = VietnameseText.Fold(name);
            var purpose = note;
            if (f.StartsWith("luu", StringComparison.Ordinal) || f.StartsWith("cv", StringComparison.Ordinal) && f.Contains(':', StringComparison.Ordinal))
            {
                purpose = new Extracted<RecipientPurpose>(RecipientPurpose.Archive, span, 0.95);
            }
            else if (f.StartsWith("nhu tren", StringComparison.Ordinal) || NhuDieu().IsMatch(f))
            {
                purpose = new Extracted<RecipientPurpose>(RecipientPurpose.AsAbove, span, 0.95);
            }
            else if (source == RecipientSource.KinhGui)
            {
                purpose = new Extracted<RecipientPurpose>(RecipientPurpose.Action, span, 0.9);
            }

            purpose ??= new Extracted<RecipientPurpose>(RecipientPurpose.Unspecified, span, 0.5);
            var group = UnitScanner.Classify(name, f.StartsWith("cac ", StringComparison.Ordinal));
            result.Add(new Recipient(new Extracted<UnitMention>(new UnitMention(name, group), span, 0.9), source, purpose));
        }
    }

    private static List<(int, int)> SplitAt(string text, int start, int end, char separator)
    {
        var parts = new List<(int, int)>();
        var s = start;
        for (var i = start; i < end; i++)
        {
            if (text[i] == separator)
            {
                parts.Add((s, i));
                s = i + 1;
            }
        }

        parts.Add((s, end));
        return parts;
    }

    private static (int Start, int End) Trim(string text, int s, int e)
    {
        while (s < e && (char.IsWhiteSpace(text[s]) || text[s] is '*' or '-' or '+' or '•'))
        {
            s++;
        }

        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is '*' or ',' or ';' or '.' or '|' or ':'))
        {
            e--;
        }

        return (s, e);
    }

    private static RecipientPurpose Purpose(string note)
    {
        var n = note.Replace(" ", string.Empty, StringComparison.Ordinal);
        return n switch
        {
            "baocao" or "b/c" => RecipientPurpose.Report,
            "thuchien" or "t/h" or "th" or "thihanh" => RecipientPurpose.Action,
            "biet" => RecipientPurpose.Information,
            "phoihop" or "p/h" => RecipientPurpose.Coordination,
            _ => RecipientPurpose.Supervision,
        };
    }
}
