using System.Globalization;
using System.Text.RegularExpressions;

namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Finds deadlines in a block of text and turns them into due rules. Works on the folded text (same
/// length as the original) so "trước ngày", "truoc ngay" and "Trước Ngày" read alike. A date counts
/// as a deadline only after a cue ("trước", "chậm nhất", "hạn", "hoàn thành", "đến") or before a
/// recurrence ("… hằng năm"); the dates of cited documents ("Chỉ thị số 16/CT-TTg ngày 16/5/2016")
/// have neither. A recurrence ("hằng năm", "hằng quý", "định kỳ") in the same sentence turns a
/// day-month into a recurring rule; one with no date becomes a rule without a day.
/// </summary>
internal static partial class DeadlineParser
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // "ngày 20 của tháng cuối quý", "ngày 25 hằng tháng", "ngày 05 tháng sau".
    [GeneratedRegex(@"\bngay\s+(?<d>\d{1,2})\s+(?:cua\s+)?(?:(?<monthly>(?:hang|moi)\s+thang)|thang\s+(?<which>cuoi\s+cung|cuoi|dau|giua|thu\s+(?:hai|ba|2|3))\s+(?:cua\s+)?(?<per>quy|nam|ky|6\s+thang|sau\s+thang)(?:\s+(?<next>sau|tiep\s+theo|ke\s+tiep))?|thang\s+(?<mnext>sau|tiep\s+theo|ke\s+tiep))", Options, 1000)]
    private static partial Regex RelativeDate();

    // "ngày 15 tháng 11 năm 2024", "ngày 15 tháng 11", "ngày 15 tháng 11/2024".
    [GeneratedRegex(@"\bngay\s+(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})(?:\s*(?:nam|/|-)\s*(?<y>\d{4}))?(?!\d)", Options, 1000)]
    private static partial Regex WordDate();

    // "15/11/2024", "15-11-2024", "15.11.2024", "15/11/24".
    [GeneratedRegex(@"(?<![\d/.-])(?<d>\d{1,2})[ \t]*(?<sep>[/.-])[ \t]*(?<m>\d{1,2})[ \t]*\k<sep>[ \t]*(?<y>\d{4}|\d{2}(?![/.-]?\d))(?!\d)", Options, 1000)]
    private static partial Regex NumericDate();

    // "15/11", "15-11", "15.11" (day-month without a year).
    [GeneratedRegex(@"(?<![\d/.-])(?<d>\d{1,2})(?:[ \t]*[/-][ \t]*|\.)(?<m>\d{1,2})(?![\d/-]|\.\d)", Options, 1000)]
    private static partial Regex DayMonth();

    // "hằng tháng, trước ngày 25": a day with no month, only meaningful next to "hằng tháng".
    [GeneratedRegex(@"\b(?:truoc|cham\s+nhat|den|vao)\s+ngay\s+(?<d>\d{1,2})(?![\d/\-]|\.\d)(?!\s*(?:thang|cua|hang|moi|[/\-]))", Options, 1000)]
    private static partial Regex DayOnly();

    // "trong tháng 11/2024", "trước tháng 12 năm 2024", "trong tháng 12 hằng năm".
    [GeneratedRegex(@"\b(?:trong|truoc|het|cuoi)\s+thang\s+(?<m>\d{1,2})(?:\s*(?:nam|/)\s*(?<y>\d{4}))?(?![\d/])", Options, 1000)]
    private static partial Regex MonthOnly();

    // "trong quý III/2024", "trước hết quý 4 năm 2024".
    [GeneratedRegex(@"\b(?:trong|truoc|het|cuoi)\s+(?:het\s+)?quy\s+(?<q>iv|i{1,3}|[1-4])\s*(?:/|nam)\s*(?<y>\d{4})(?!\d)", Options, 1000)]
    private static partial Regex Quarter();

    // The cue right before a date (only "ngày" and punctuation may sit between).
    [GeneratedRegex(@"(?<![a-z])(?<cue>truoc|cham\s+nhat(?:\s+(?:la|vao))?|thoi\s+han|han\s+chot|han\s+cuoi|han|hoan\s+thanh|xong|den\s+het|den|khong\s+qua|trong|vao|tu)\s*[:,]?\s*(?:ngay\s*)?$", Options, 1000)]
    private static partial Regex CueBefore();

    // Recurrences. Groups name the period; none = "định kỳ" alone.
    [GeneratedRegex(@"\b(?:(?<semi>(?:hang|moi|dinh\s+ky|tung)\s+(?:6|sau)\s+thang|(?:6|sau)\s+thang\s+(?:dau\s+nam|cuoi\s+nam|mot\s+lan|va\s+(?:ca\s+|cuoi\s+)?nam)|(?:so\s+ket|bao\s+cao)\s+(?:6|sau)\s+thang)|(?:bao\s+cao|tong\s+ket)\s+(?<year>nam)(?!\s*\d)|(?:dinh\s+ky\s+)?(?:hang|moi|tung)\s+(?:(?<year>nam)|(?<quarter>quy)|(?<month>thang)|(?<week>tuan))\b|dinh\s+ky(?:\s+(?:(?<year>nam)|(?<quarter>quy)|(?<month>thang)))?\b)", Options, 1000)]
    private static partial Regex Recurrence();

    // "ngày 20 tháng 6 và 20 tháng 12 (hằng năm)", "15/6 và 15/12": one day in each half of the year.
    [GeneratedRegex(@"(?<![\d/.-])(?:ngay\s+)?(?<d1>\d{1,2})(?:\s+thang\s+|\s*[/-]\s*|\.)(?<m1>\d{1,2})\s+va\s+(?:ngay\s+)?(?<d2>\d{1,2})(?:\s+thang\s+|\s*[/-]\s*|\.)(?<m2>\d{1,2})(?![\d/-]|\.\d|\s*(?:nam|/)\s*\d)", Options, 1000)]
    private static partial Regex TwiceAYear();

    // A date with no cue word still reads as a deadline right after the verb that owes it: "gửi về
    // Văn phòng HĐND và UBND phường ngày 10/01/2027", unless a cited document sits in between.
    [GeneratedRegex(@"\b(?:gui|nop|bao\s+cao|hoan\s+thanh|hoan\s+thien|trinh|xong)\b(?<mid>[^.;:!?]{0,70}?)(?<ngay>\bngay\s*)?$", Options, 1000)]
    private static partial Regex OwedBefore();

    [GeneratedRegex(@"\bso\s*\d|\d\s*/\s*[a-z]|\b(?:quyet\s+dinh|cong\s+van|ke\s+hoach|chi\s+thi|nghi\s+quyet|nghi\s+dinh|thong\s+tu|thong\s+bao|ket\s+luan|van\s+ban|luat|ban\s+hanh|ky)\b", Options, 1000)]
    private static partial Regex Citation();

    // "từ ngày 15/11 … đến ngày 14/11": a period, whose end is no deadline unless it is to be finished by then.
    [GeneratedRegex(@"\btu\s+(?:ngay\s+)?\d{1,2}(?:\s*[/.-]\s*\d{1,2}|\s+thang\s+\d{1,2})[^.;:!?]{0,60}$", Options, 1000)]
    private static partial Regex PeriodStart();

    /// <summary>Deadlines of the block [start, end) of the text; sentence bounds from sentenceStarts.</summary>
    public static List<Extracted<DueRule>> Parse(string text, string folded, int start, int end, IReadOnlyList<int> sentenceStarts)
    {
        var dates = new List<DateHit>();
        var taken = new List<TextSpan>();
        var block = folded[start..end];

        foreach (Match m in TwiceAYear().Matches(block))
        {
            AddDate(dates, taken, TwiceAYearHit(m, start, block));
        }

        foreach (Match m in RelativeDate().Matches(block))
        {
            AddDate(dates, taken, RelativeHit(m, start, block));
        }

        foreach (Match m in WordDate().Matches(block))
        {
            AddDate(dates, taken, AbsoluteHit(m, start, block));
        }

        foreach (Match m in NumericDate().Matches(block))
        {
            AddDate(dates, taken, AbsoluteHit(m, start, block));
        }

        foreach (Match m in DayMonth().Matches(block))
        {
            AddDate(dates, taken, AbsoluteHit(m, start, block));
        }

        foreach (Match m in DayOnly().Matches(block))
        {
            var day = Int(m, "d");
            if (day is >= 1 and <= 31)
            {
                AddDate(dates, taken, new DateHit(DueRule.Monthly(day, 1), new TextSpan(start + m.Index, m.Length), 0.8, NeedsMonthlyCue: true));
            }
        }

        foreach (Match m in MonthOnly().Matches(block))
        {
            AddDate(dates, taken, MonthHit(m, start));
        }

        foreach (Match m in Quarter().Matches(block))
        {
            AddDate(dates, taken, QuarterHit(m, start));
        }

        var cues = new List<CueHit>();
        foreach (Match m in Recurrence().Matches(block))
        {
            var span = new TextSpan(start + m.Index, m.Length);
            if (!IsQuarterWord(text, m, start) || taken.Any(t => Overlaps(t, span)))
            {
                continue;
            }

            cues.Add(new CueHit(span, CueKind(m)));
        }

        var result = new List<(Extracted<DueRule> Rule, int Order)>();
        var used = new HashSet<CueHit>();
        foreach (var date in dates)
        {
            var sentence = SentenceOf(sentenceStarts, date.Span.Start);
            var sameSentence = cues.Where(c => SentenceOf(sentenceStarts, c.Span.Start) == sentence).ToList();
            if (date.NeedsMonthlyCue)
            {
                var monthly = sameSentence.FirstOrDefault(c => c.Kind == DueRuleKind.Monthly);
                if (monthly is not null)
                {
                    used.Add(monthly);
                    var daySpan = IsAdjacent(text, date.Span, monthly.Span) ? date.Span.Union(monthly.Span) : date.Span;
                    result.Add((new Extracted<DueRule>(date.Rule, daySpan, date.Confidence), daySpan.Start));
                }

                continue;
            }

            var cue = sameSentence.OrderBy(c => Distance(c.Span, date.Span)).FirstOrDefault();
            var confidence = date.Confidence;
            if (cue is null && date.Rule.Kind == DueRuleKind.OneOff && date.Rule.Year is null && cues.Count > 0)
            {
                cue = cues.OrderBy(c => Distance(c.Span, date.Span)).First();
                confidence -= 0.15;
            }

            var rule = date.Rule;
            var span = date.Span;
            if (cue is not null && rule.Kind == DueRuleKind.OneOff && rule.Year is null)
            {
                rule = Combine(cue.Kind, rule);
                used.Add(cue);
                if (IsAdjacent(text, span, cue.Span))
                {
                    span = span.Union(cue.Span);
                }
            }
            else if (cue is not null && cue.Kind == rule.Kind)
            {
                used.Add(cue);
            }
            else if (rule.Kind == DueRuleKind.OneOff && rule.Year is null)
            {
                confidence -= 0.15;
            }

            result.Add((new Extracted<DueRule>(rule, span, Math.Round(confidence, 2)), span.Start));
        }

        foreach (var cue in cues.Where(c => !used.Contains(c)))
        {
            var rule = Combine(cue.Kind, null);
            if (result.Any(r => r.Rule.Value.Kind == rule.Kind))
            {
                continue;
            }

            // "báo cáo năm trước ngày 20/11/2026" names the report the dated deadline is for; it does not repeat.
            var sentence = SentenceOf(sentenceStarts, cue.Span.Start);
            if (result.Any(r => r.Rule.Value.Year is not null && r.Rule.Span.Start >= cue.Span.End && r.Rule.Span.Start - cue.Span.End <= 30 && SentenceOf(sentenceStarts, r.Rule.Span.Start) == sentence))
            {
                continue;
            }

            result.Add((new Extracted<DueRule>(rule, cue.Span, 0.7), cue.Span.Start));
        }

        return result.OrderBy(r => r.Order).Select(r => r.Rule).Distinct().ToList();
    }

    private static DueRule Combine(DueRuleKind kind, DueRule? date)
    {
        var day = date?.Day;
        var month = date?.Month;
        return kind switch
        {
            DueRuleKind.Yearly or DueRuleKind.Periodic when month is { } m => DueRule.Yearly(day, m),
            DueRuleKind.Yearly => DueRule.Yearly(),
            DueRuleKind.SemiAnnual => DueRule.SemiAnnual(day, month is { } m ? ((m - 1) % 6) + 1 : null),
            DueRuleKind.Quarterly => DueRule.Quarterly(day, month is { } m ? ((m - 1) % 3) + 1 : null),
            DueRuleKind.Monthly => DueRule.Monthly(day, day is null ? null : 1),
            DueRuleKind.Weekly => DueRule.Weekly(),
            _ => DueRule.Periodic(),
        };
    }

    private static DateHit? RelativeHit(Match m, int offset, string block)
    {
        var day = Int(m, "d");
        if (day is < 1 or > 31)
        {
            return null;
        }

        var (spanStart, cueConfidence) = CueStart(block, m.Index);
        var span = TextSpan.FromBounds(offset + spanStart, offset + m.Index + m.Length);
        if (m.Groups["monthly"].Success)
        {
            return new DateHit(DueRule.Monthly(day, 1), span, 0.9 * cueConfidence);
        }

        if (m.Groups["mnext"].Success)
        {
            return new DateHit(DueRule.Monthly(day, 2), span, 0.9 * cueConfidence);
        }

        var per = m.Groups["per"].Value;
        var length = per switch { "quy" => 3, "nam" => 12, _ => 6 };
        var which = m.Groups["which"].Value;
        var monthInPeriod = which switch
        {
            "dau" => 1,
            "giua" => (length / 2) + 1,
            _ when which.StartsWith("thu", StringComparison.Ordinal) => which.EndsWith("ba", StringComparison.Ordinal) || which.EndsWith('3') ? 3 : 2,
            _ => length,
        };
        if (m.Groups["next"].Success)
        {
            monthInPeriod += length;
        }

        var rule = per switch
        {
            "quy" => DueRule.Quarterly(day, monthInPeriod),
            "nam" => DueRule.Yearly(day, monthInPeriod > 12 ? monthInPeriod - 12 : monthInPeriod),
            "ky" => DueRule.Periodic(),
            _ => DueRule.SemiAnnual(day, monthInPeriod),
        };
        return new DateHit(rule, span, 0.85 * cueConfidence);
    }

    private static DateHit? AbsoluteHit(Match m, int offset, string block)
    {
        var day = Int(m, "d");
        var month = Int(m, "m");
        var year = Int(m, "y");
        if (year is < 100 && m.Groups["y"].Length == 2)
        {
            // "15/11/26": two-digit years in hasty notices are this century's.
            year += 2000;
        }

        if (day is < 1 or > 31 || month is < 1 or > 12 || day is null || month is null)
        {
            return null;
        }

        if (year is { } y && (y < 1900 || y > 2200 || day > DateTime.DaysInMonth(y, month.Value)))
        {
            return null;
        }

        if (year is null && day > DateTime.DaysInMonth(2024, month.Value))
        {
            return null;
        }

        var (spanStart, cueConfidence) = CueStart(block, m.Index);
        var end = m.Index + m.Length;
        var clauseCue = spanStart == m.Index && IsDeadlineClause(block, m.Index);
        var recurring = year is null && Recurrence().Match(block, end).Success && Recurrence().Match(block, end).Index - end <= 2;
        var owed = spanStart == m.Index && !recurring && !clauseCue && year is not null ? OwedStart(block, m.Index) : -1;
        if (spanStart == m.Index && !recurring && !clauseCue && owed < 0)
        {
            // A date with no cue is a cited document's date or an event, not a deadline.
            return null;
        }

        if (spanStart < m.Index && IsPeriodEnd(block, spanStart))
        {
            return null;
        }

        var rule = DueRule.OneOff(day.Value, month.Value, year);
        var confidence = (year is null ? 0.85 : 0.95) * (clauseCue ? 0.9 : owed >= 0 ? 0.65 : spanStart == m.Index ? 0.9 : cueConfidence);
        if (owed >= 0)
        {
            spanStart = owed;
        }

        return new DateHit(rule, TextSpan.FromBounds(offset + spanStart, offset + end), confidence);
    }

    /// <summary>Where "ngày" starts before a date owed by the clause's verb ("gửi về X ngày 10/01/2027"); -1 when none.</summary>
    private static int OwedStart(string block, int dateIndex)
    {
        var from = Math.Max(0, dateIndex - 120);
        var before = block[from..dateIndex];
        var m = OwedBefore().Match(before);
        var datedInWords = block.AsSpan(dateIndex).StartsWith("ngay", StringComparison.Ordinal);
        if (!m.Success || (!m.Groups["ngay"].Success && !datedInWords) || Citation().IsMatch(m.Groups["mid"].Value) || m.Groups["mid"].Value.TrimEnd().EndsWith(" tu", StringComparison.Ordinal))
        {
            // "… từ ngày 15/11/2023": the start of a period.
            return -1;
        }

        return m.Groups["ngay"].Success ? from + m.Groups["ngay"].Index : dateIndex;
    }

    /// <summary>True when the cue at cueStart is the "đến" closing a "từ ngày … đến ngày …" period.</summary>
    private static bool IsPeriodEnd(string block, int cueStart)
    {
        if (!block.AsSpan(cueStart).StartsWith("den", StringComparison.Ordinal))
        {
            return false;
        }

        var from = Math.Max(0, cueStart - 80);
        var before = block[from..cueStart];
        return PeriodStart().IsMatch(before) && !before.Contains("hoan thanh", StringComparison.Ordinal);
    }

    private static DateHit? TwiceAYearHit(Match m, int offset, string block)
    {
        var d1 = Int(m, "d1");
        var m1 = Int(m, "m1");
        var d2 = Int(m, "d2");
        var m2 = Int(m, "m2");
        if (d1 is not (>= 1 and <= 31) || d2 is not (>= 1 and <= 31) || m1 is not (>= 1 and <= 6) || m2 != m1 + 6
            || d1 > DateTime.DaysInMonth(2024, m1.Value) || d2 > DateTime.DaysInMonth(2024, m2.Value))
        {
            return null;
        }

        var (spanStart, cueConfidence) = CueStart(block, m.Index);
        var end = m.Index + m.Length;
        var after = Recurrence().Match(block, end);
        var recurring = after.Success && after.Index - end <= 2 && CueKind(after) == DueRuleKind.Yearly;
        if (spanStart == m.Index && !recurring)
        {
            return null;
        }

        if (recurring)
        {
            // "hằng năm" after the pair belongs to it; it does not make a yearly rule of its own.
            end = after.Index + after.Length;
        }

        return new DateHit(DueRule.SemiAnnual(d1, m1), TextSpan.FromBounds(offset + spanStart, offset + end), 0.85 * cueConfidence);
    }

    /// <summary>"Thời hạn hoàn thành …: ngày 31 tháng 12 năm 2024": the clause says the date is a deadline.</summary>
    private static bool IsDeadlineClause(string block, int dateIndex)
    {
        var from = Math.Max(0, dateIndex - 200);
        var before = block.AsSpan(from, dateIndex - from);
        var cut = before.LastIndexOfAny(".;\n");
        var clause = (cut >= 0 ? before[(cut + 1)..] : before).TrimStart(" \t\r*-+");
        return DeadlineClause().IsMatch(clause.ToString());
    }

    [GeneratedRegex(@"^(?:thoi\s+han|han\s+hoan\s+thanh|thoi\s+gian\s+hoan\s+thanh|han\s+chot)\b", Options, 1000)]
    private static partial Regex DeadlineClause();

    private static DateHit? MonthHit(Match m, int offset)
    {
        var month = Int(m, "m");
        if (month is < 1 or > 12 or null)
        {
            return null;
        }

        return new DateHit(DueRule.EndOfMonth(month.Value, Int(m, "y")), new TextSpan(offset + m.Index, m.Length), 0.75);
    }

    private static DateHit? QuarterHit(Match m, int offset)
    {
        var q = m.Groups["q"].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
        var year = Int(m, "y")!.Value;
        var month = q * 3;
        return new DateHit(DueRule.OneOff(DateTime.DaysInMonth(year, month), month, year), new TextSpan(offset + m.Index, m.Length), 0.75);
    }

    private static (int Start, double Confidence) CueStart(string block, int dateIndex)
    {
        var from = Math.Max(0, dateIndex - 30);
        var cue = CueBefore().Match(block[from..dateIndex]);
        if (!cue.Success)
        {
            return (dateIndex, 1);
        }

        var word = cue.Groups["cue"].Value;
        var confidence = word switch
        {
            "truoc" or "han" or "thoi han" or "han chot" or "han cuoi" or "khong qua" => 1.0,
            _ when word.StartsWith("cham", StringComparison.Ordinal) => 1.0,
            "hoan thanh" or "xong" or "den het" => 0.9,
            _ => 0.75,
        };
        if (word == "tu")
        {
            // "từ ngày …" starts a period; the deadline is the "đến ngày …" that follows.
            return (dateIndex, 1);
        }

        return (from + cue.Groups["cue"].Index, confidence);
    }

    private static void AddDate(List<DateHit> dates, List<TextSpan> taken, DateHit? hit)
    {
        if (hit is null || taken.Any(t => Overlaps(t, hit.Span)))
        {
            return;
        }

        taken.Add(hit.Span);
        dates.Add(hit);
    }

    private static DueRuleKind CueKind(Match m) =>
        m.Groups["semi"].Success ? DueRuleKind.SemiAnnual
        : m.Groups["year"].Success ? DueRuleKind.Yearly
        : m.Groups["quarter"].Success ? DueRuleKind.Quarterly
        : m.Groups["month"].Success ? DueRuleKind.Monthly
        : m.Groups["week"].Success ? DueRuleKind.Weekly
        : DueRuleKind.Periodic;

    // "hằng quý" folds to "hang quy", as would "hàng quy(ết)"; the original must say "quý" (or be unaccented).
    private static bool IsQuarterWord(string text, Match m, int offset)
    {
        if (!m.Groups["quarter"].Success)
        {
            return true;
        }

        var word = text.Substring(offset + m.Groups["quarter"].Index, m.Groups["quarter"].Length).ToLowerInvariant();
        return word is "quý" or "quí" or "quy";
    }

    private static int? Int(Match m, string group) =>
        m.Groups[group].Success && int.TryParse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static bool Overlaps(TextSpan a, TextSpan b) => a.Start < b.End && b.Start < a.End;

    private static int Distance(TextSpan a, TextSpan b) => a.End <= b.Start ? b.Start - a.End : a.Start >= b.End ? a.Start - b.End : 0;

    private static bool IsAdjacent(string text, TextSpan a, TextSpan b)
    {
        var (first, second) = a.Start <= b.Start ? (a, b) : (b, a);
        if (second.Start < first.End)
        {
            return true;
        }

        var gap = text.AsSpan(first.End, second.Start - first.End);
        return gap.Length <= 3 && gap.Trim(" ,*\t").IsEmpty;
    }

    private static int SentenceOf(IReadOnlyList<int> sentenceStarts, int position)
    {
        var index = 0;
        for (var i = 0; i < sentenceStarts.Count && sentenceStarts[i] <= position; i++)
        {
            index = i;
        }

        return index;
    }

    private sealed record DateHit(DueRule Rule, TextSpan Span, double Confidence, bool NeedsMonthlyCue = false);

    private sealed record CueHit(TextSpan Span, DueRuleKind Kind);
}
