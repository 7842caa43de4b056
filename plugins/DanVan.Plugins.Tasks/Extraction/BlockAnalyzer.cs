namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Reads one block sentence by sentence: the subject units ("Các cơ quan chuyên môn … phân công"),
/// "X chủ trì, phối hợp với Y, Z", reporting lines ("báo cáo X (qua Y tổng hợp) … để báo cáo Z",
/// "gửi báo cáo về X"), and the deadlines.
/// </summary>
internal static class BlockAnalyzer
{
    private static readonly Keyword Lead = new("chủ trì");
    private static readonly Keyword[] Cooperate = Keyword.Many("phối hợp với", "phối hợp cùng", "phối hợp chặt chẽ với", "phối hợp");
    private static readonly Keyword[] ReportVerbs = Keyword.Many("gửi báo cáo", "báo cáo", "gửi", "nộp", "nộp báo cáo");
    private static readonly Keyword[] Toward = Keyword.Many("về", "cho", "lên", "đến", "tới");
    private static readonly Keyword[] Via = Keyword.Many("thông qua", "qua");
    private static readonly Keyword In = new("để");
    private static readonly Keyword[] Requests = Keyword.Many("đề nghị", "yêu cầu", "giao");

    public static BlockFacts Analyze(string text, string folded, int start, int end)
    {
        if (end <= start)
        {
            return new BlockFacts(null, [], [], [], []);
        }

        var tokens = Tokenizer.Tokenize(text, start, end);
        var scanner = new UnitScanner(text, tokens);
        var sentences = SplitParagraphs(text, tokens, Sentences(tokens));
        var sentenceStarts = sentences.Select(s => s.Start < tokens.Count ? tokens[s.Start].Start : end).ToList();
        var deadlines = DeadlineParser.Parse(text, folded, start, end, sentenceStarts);

        Extracted<UnitMention>? lead = null;
        var cooperating = new List<Extracted<UnitMention>>();
        var assignees = new List<Extracted<UnitMention>>();
        var reports = new List<ReportLine>();
        foreach (var (s, e) in sentences)
        {
            var leadInSentence = FindLead(scanner, s, e);
            lead ??= leadInSentence;
            cooperating.AddRange(FindCooperating(scanner, s, e));
            if (leadInSentence is null)
            {
                assignees.AddRange(FindSubjects(scanner, s, e));
            }

            var report = FindReport(scanner, s, e, deadlines);
            if (report is not null)
            {
                reports.Add(report);
            }
        }

        assignees.AddRange(TableUnits(text, start, end));
        return new BlockFacts(lead, Distinct(cooperating), Distinct(assignees), reports, deadlines);
    }

    /// <summary>
    /// A heading line with no full stop ("3. Chế độ báo cáo") over a paragraph that starts with a
    /// capital is two sentences; a paragraph break before a lower-case word is a page break inside one.
    /// </summary>
    private static List<(int Start, int End)> SplitParagraphs(string text, IReadOnlyList<Token> tokens, List<(int Start, int End)> sentences)
    {
        var result = new List<(int, int)>(sentences.Count);
        foreach (var (s, e) in sentences)
        {
            var from = s;
            for (var i = s + 1; i < e; i++)
            {
                if (tokens[i].BreakBefore && tokens[i].IsCapitalized && IsParagraphBreak(text, tokens[i - 1].End, tokens[i].Start))
                {
                    result.Add((from, i));
                    from = i;
                }
            }

            result.Add((from, e));
        }

        return result;
    }

    private static bool IsParagraphBreak(string text, int from, int to) => text.AsSpan(from, to - from).Count('\n') >= 2;

    /// <summary>
    /// Units listed in a table under the item ("| 1 | Tổ dân phố số 3 | Biểu số liệu |"): a cell that
    /// is one unit name, and nothing else, names a unit the item is for.
    /// </summary>
    private static IEnumerable<Extracted<UnitMention>> TableUnits(string text, int start, int end)
    {
        var lines = text[start..end].Split('\n');
        var offset = start;
        var header = true;
        foreach (var line in lines)
        {
            var lineStart = offset;
            offset += line.Length + 1;
            var trimmed = line.TrimStart();
            if (!trimmed.StartsWith('|'))
            {
                header = true;
                continue;
            }

            if (header || trimmed.All(c => c is '|' or '-' or ':' or ' ' or '\t' or '\r'))
            {
                // The first row names the columns; "|---|" rules it off.
                header = false;
                continue;
            }

            var cellStart = lineStart + line.IndexOf('|', StringComparison.Ordinal) + 1;
            while (cellStart < lineStart + line.Length)
            {
                var bar = text.IndexOf('|', cellStart, lineStart + line.Length - cellStart);
                var cellEnd = bar < 0 ? lineStart + line.Length : bar;
                var cellTokens = Tokenizer.Tokenize(text, cellStart, cellEnd);
                if (cellTokens.Count > 0)
                {
                    var scanner = new UnitScanner(text, cellTokens);
                    if (scanner.ParseMention(0) is { } m && m.EndToken == cellTokens.Count)
                    {
                        yield return scanner.ToExtracted(m, 0.7);
                    }
                }

                cellStart = cellEnd + 1;
            }
        }
    }

    /// <summary>[start, end) token ranges of sentences: split after ".", "!", "?" before a capital or a line break.</summary>
    public static List<(int Start, int End)> Sentences(IReadOnlyList<Token> tokens)
    {
        var result = new List<(int, int)>();
        var s = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var boundary = (t.IsPunct('.') || t.IsPunct('!') || t.IsPunct('?')) && (i + 1 == tokens.Count || tokens[i + 1].BreakBefore || (tokens[i + 1].IsCapitalized && !tokens[i + 1].IsAllCaps));
            boundary |= i + 1 < tokens.Count && tokens[i + 1].BreakBefore && (t.IsPunct(':') || t.IsPunct(';'));
            if (boundary)
            {
                result.Add((s, i + 1));
                s = i + 1;
            }
        }

        if (s < tokens.Count)
        {
            result.Add((s, tokens.Count));
        }

        return result;
    }

    private static Extracted<UnitMention>? FindLead(UnitScanner scanner, int s, int e)
    {
        var tokens = scanner.Tokens;
        for (var p = s; p < e; p++)
        {
            if (Lead.MatchAt(tokens, p) == 0)
            {
                continue;
            }

            // The unit right before "chủ trì": scan mentions from the clause start and keep the one ending at p.
            for (var q = ClauseStart(tokens, s, p); q < p; q++)
            {
                var m = scanner.ParseMention(q);
                if (m is { } found && found.EndToken == p)
                {
                    return scanner.ToExtracted(found, 0.95);
                }

                if (m is { } skip)
                {
                    q = skip.EndToken - 1;
                }
            }
        }

        return null;
    }

    private static IEnumerable<Extracted<UnitMention>> FindCooperating(UnitScanner scanner, int s, int e)
    {
        var tokens = scanner.Tokens;
        for (var p = s; p < e; p++)
        {
            var (_, n) = Keyword.Longest(tokens, p, Cooperate);
            if (n == 0)
            {
                continue;
            }

            foreach (var m in scanner.ParseList(p + n, e))
            {
                yield return scanner.ToExtracted(m, 0.9);
            }

            p += n - 1;
        }
    }

    private static IEnumerable<Extracted<UnitMention>> FindSubjects(UnitScanner scanner, int s, int e)
    {
        var tokens = scanner.Tokens;
        var start = s;
        // A short lead-in before a comma ("Hằng năm,", "Đồng thời,") precedes the subject.
        for (var k = s; k < Math.Min(e, s + 5); k++)
        {
            if (tokens[k].IsPunct(','))
            {
                if (scanner.ParseMention(s) is null)
                {
                    start = k + 1;
                }

                break;
            }
        }

        // "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tăng cường …": the unit asked is the subject.
        var (_, request) = Keyword.Longest(tokens, start, Requests);
        start += request;

        var list = scanner.ParseList(start, e);
        if (list.Count == 0 || list[^1].EndToken >= e)
        {
            return [];
        }

        // The subject is followed by its verb, not by the end of the sentence or a bracket; or it heads
        // a list of its duties ("1. Sở Nội vụ:" over "- Chủ trì, phối hợp …").
        var after = tokens[list[^1].EndToken];
        if (request > 0 && Cooperate.Any(c => c.MatchAt(tokens, list[^1].EndToken) > 0))
        {
            // "Đề nghị Ủy ban Mặt trận Tổ quốc … phối hợp giám sát": asked to co-operate, not to carry the task.
            return [];
        }

        return after.IsWord ? list.Select(m => scanner.ToExtracted(m, 0.8))
            : after.IsPunct(':') && start == s + request ? list.Select(m => scanner.ToExtracted(m, 0.85))
            : [];
    }

    private static ReportLine? FindReport(UnitScanner scanner, int s, int e, IReadOnlyList<Extracted<DueRule>> deadlines)
    {
        var tokens = scanner.Tokens;
        Extracted<UnitMention>? reportTo = null;
        Extracted<UnitMention>? via = null;
        Extracted<UnitMention>? upstream = null;
        var spanStart = -1;
        var spanEnd = -1;
        var hasVerb = false;
        for (var p = s; p < e; p++)
        {
            var (_, viaLength) = Keyword.Longest(tokens, p, Via);
            if (viaLength > 0 && scanner.ParseMention(p + viaLength) is { } viaMention && viaMention.EndToken <= e)
            {
                via ??= scanner.ToExtracted(viaMention, 0.9);
                Extend(ref spanStart, ref spanEnd, tokens[p].Start, tokens[viaMention.EndToken - 1].End);
                p = viaMention.EndToken - 1;
                continue;
            }

            var (_, verbLength) = Keyword.Longest(tokens, p, ReportVerbs);
            if (verbLength == 0)
            {
                continue;
            }

            hasVerb = true;
            var forward = p >= 1 && (In.MatchAt(tokens, p - 1) == 1 || (p >= 3 && In.MatchAt(tokens, p - 3) == 1 && tokens[p - 1].IsPunct(',')));
            var target = FindTarget(scanner, p + verbLength, e);
            if (target is not { } t)
            {
                if (spanStart < 0)
                {
                    spanStart = tokens[p].Start;
                }

                p += verbLength - 1;
                continue;
            }

            // The first target is the report-to unit; a later one ("… để báo cáo Bộ Nội vụ") is upstream.
            var mention = scanner.ToExtracted(t, forward ? 0.85 : 0.9);
            if (reportTo is null)
            {
                reportTo = mention;
            }
            else
            {
                upstream ??= mention;
            }

            Extend(ref spanStart, ref spanEnd, tokens[p].Start, tokens[t.EndToken - 1].End);
            p = t.EndToken - 1;
        }

        if (!hasVerb || (reportTo is null && via is null && upstream is null))
        {
            return null;
        }

        var span = TextSpan.FromBounds(spanStart, Math.Max(spanStart, spanEnd));
        var sentenceSpan = TextSpan.FromBounds(tokens[s].Start, tokens[e - 1].End);
        var due = deadlines.FirstOrDefault(d => d.Span.Start >= sentenceSpan.Start && d.Span.End <= sentenceSpan.End);
        return new ReportLine(reportTo, via, upstream, due, due is null ? span : span.Union(due.Span));
    }

    private static MentionMatch? FindTarget(UnitScanner scanner, int from, int e)
    {
        var tokens = scanner.Tokens;
        // "báo cáo kết quả … 6 tháng đầu năm và cả năm về Sở Nội vụ": the object may run long before "về".
        for (var r = from; r < Math.Min(e, from + 24); r++)
        {
            if (tokens[r].Kind == TokenKind.Punctuation && !tokens[r].IsPunct(','))
            {
                return null;
            }

            if (Keyword.Longest(tokens, r, Via).Length > 0 || In.MatchAt(tokens, r) == 1)
            {
                return null;
            }

            if (scanner.ParseMention(r) is { } m)
            {
                if (r == from || Keyword.Longest(tokens, r - 1, Toward).Length > 0)
                {
                    return m;
                }

                r = m.EndToken - 1;
            }
        }

        return null;
    }

    private static int ClauseStart(IReadOnlyList<Token> tokens, int s, int p)
    {
        for (var k = p - 1; k > s; k--)
        {
            if (tokens[k].IsPunct(';') || tokens[k].IsPunct(':'))
            {
                return k + 1;
            }
        }

        return s;
    }

    private static void Extend(ref int start, ref int end, int s, int e)
    {
        start = start < 0 ? s : Math.Min(start, s);
        end = Math.Max(end, e);
    }

    private static List<Extracted<UnitMention>> Distinct(List<Extracted<UnitMention>> mentions) =>
        mentions.GroupBy(m => m.Span).Select(g => g.First()).ToList();
}
