using System.Text;

namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Finds unit names among tokens. A mention starts at a head ("Sở", "UBND", "Ban Dân vận", "các sở",
/// "chính quyền"), optionally after a role ("Chủ tịch", "Thủ trưởng") which is not part of the name,
/// and runs until a verb or preposition of the clause. Lists are split at "," ";" "và" only where a
/// new head follows, so "các sở, ban, ngành tỉnh" stays one mention.
/// </summary>
internal sealed class UnitScanner(string text, IReadOnlyList<Token> tokens)
{
    private const int MaxMentionTokens = 24;
    private static readonly Keyword Cac = new("các");
    private static readonly Keyword Va = new("và");
    private static readonly Keyword Cung = new("cùng");
    private static readonly Keyword CouncilFull = new("Hội đồng nhân dân");
    private static readonly Keyword CommitteeFull = new("Ủy ban nhân dân");

    public IReadOnlyList<Token> Tokens => tokens;

    /// <summary>Index after any role words at i that are followed by a head; i itself otherwise.</summary>
    public int SkipRole(int i)
    {
        var j = i;
        while (j < tokens.Count)
        {
            var n = UnitLexicon.MatchLength(tokens, j, UnitLexicon.RolePrefixes);
            if (n == 0)
            {
                break;
            }

            var k = j + n;
            // "Chủ tịch, các Phó Chủ tịch UBND tỉnh": skip the enumeration of roles too.
            if (k < tokens.Count && tokens[k].IsPunct(','))
            {
                k++;
            }

            if (k < tokens.Count && Cac.MatchAt(tokens, k) == 1 && UnitLexicon.MatchLength(tokens, k + 1, UnitLexicon.RolePrefixes) > 0)
            {
                k++;
            }

            j = k;
        }

        return j != i && HeadLength(j, out _) > 0 ? j : i;
    }

    /// <summary>Tokens of the head at i (0 when none); collective tells "các sở" from "Sở Nội vụ".</summary>
    public int HeadLength(int i, out bool collective)
    {
        collective = false;
        if (i >= tokens.Count || !tokens[i].IsWord)
        {
            return 0;
        }

        if (Cac.MatchAt(tokens, i) == 1)
        {
            var g = UnitLexicon.MatchLength(tokens, i + 1, UnitLexicon.GroupNouns);
            if (g > 0)
            {
                collective = true;
                return 1 + g;
            }

            return 0;
        }

        var strong = UnitLexicon.MatchLength(tokens, i, UnitLexicon.StrongHeads);
        var proper = UnitLexicon.MatchLength(tokens, i, UnitLexicon.ProperHeads);
        if (strong > 0 && strong >= proper)
        {
            // Abbreviations ("UBND") and long heads ("ủy ban nhân dân") are names in any case; a two-word
            // head in lower case is an ordinary phrase ("văn phòng", "công an", "trung tâm").
            return strong > 1 && tokens[i].Text.Length > 2 && !tokens[i].IsCapitalized && !IsAbbreviation(tokens[i]) && strong < 3 ? 0 : strong;
        }

        // "Trưởng phòng Văn hóa - Xã hội", "Trưởng ban Dân vận": the office after its head's title is written in lower case.
        var afterTitle = i > 0 && tokens[i - 1].Fold == "truong" && tokens[i].Fold is "phong" or "ban";
        if (proper > 0 && (tokens[i].IsCapitalized || afterTitle))
        {
            var next = i + proper;
            if (next < tokens.Count && (tokens[next].IsCapitalized || IsAbbreviation(tokens[next])))
            {
                return proper;
            }

            // "Tổ dân phố số 3", "Thôn 5": a numbered residential unit.
            if (next < tokens.Count && (tokens[next].Kind == TokenKind.Number || (tokens[next].Fold == "so" && next + 1 < tokens.Count && tokens[next + 1].Kind == TokenKind.Number)) && proper >= 1 && IsResidential(i))
            {
                return proper;
            }

            if (next + 1 < tokens.Count && Cac.MatchAt(tokens, next) == 1 && UnitLexicon.MatchLength(tokens, next + 1, UnitLexicon.GroupNouns) > 0)
            {
                return proper;
            }

            return 0;
        }

        var common = UnitLexicon.MatchLength(tokens, i, UnitLexicon.CommonHeads);
        if (common > 0)
        {
            collective = true;
            return common;
        }

        return 0;
    }

    /// <summary>The mention starting at i (after any role words), or null when no head is there.</summary>
    public MentionMatch? ParseMention(int i)
    {
        var start = SkipRole(i);
        var head = HeadLength(start, out var collective);
        if (head == 0)
        {
            return null;
        }

        var j = start + head;
        var previousWasCapital = tokens[j - 1].IsCapitalized || IsAbbreviation(tokens[j - 1]);
        while (j < tokens.Count && j - start < MaxMentionTokens)
        {
            var t = tokens[j];
            if (IsJointCouncilAndCommittee(j))
            {
                // "Văn phòng HĐND và UBND xã" is one office.
                j++;
                continue;
            }

            if (t.IsPunct(',') || Va.MatchAt(tokens, j) == 1 || t.IsPunct('-') || t.IsPunct('–'))
            {
                if (t.IsPunct('-') || t.IsPunct('–'))
                {
                    // "chính trị - xã hội", "Lao động - Thương binh và Xã hội".
                    if (j + 1 < tokens.Count && tokens[j + 1].IsWord && HeadLength(j + 1, out _) == 0)
                    {
                        j++;
                        continue;
                    }

                    break;
                }

                var next = j + 1;
                if (next >= tokens.Count || !tokens[next].IsWord || HeadLength(next, out _) > 0 || SkipRole(next) != next)
                {
                    break;
                }

                if (UnitLexicon.MatchLength(tokens, next, UnitLexicon.LevelNouns) > 0)
                {
                    j = next;
                    previousWasCapital = false;
                    continue;
                }

                if (!collective && tokens[next].IsCapitalized)
                {
                    j = next;
                    continue;
                }

                break;
            }

            if (!t.IsWord)
            {
                if (t.Kind == TokenKind.Number && previousWasCapital)
                {
                    j++;
                    continue;
                }

                break;
            }

            // "Ban Dân vận Huyện ủy", "Văn phòng UBND tỉnh": a strong head inside a name belongs to it.
            var innerHead = UnitLexicon.MatchLength(tokens, j, UnitLexicon.StrongHeads);
            if (innerHead > 0 && (t.IsCapitalized || IsAbbreviation(t)))
            {
                j += innerHead;
                previousWasCapital = IsAbbreviation(tokens[j - 1]) || tokens[j - 1].IsCapitalized;
                continue;
            }

            // A capital inside a name is part of it ("Phòng Văn hóa - Xã hội"), even when it spells a level noun.
            var level = !collective && t.IsCapitalized ? 0 : UnitLexicon.MatchLength(tokens, j, UnitLexicon.LevelNouns);
            if (level > 0 && !t.IsCapitalized && UnitLexicon.MatchLength(tokens, j, UnitLexicon.Stops) > level)
            {
                // An unaccented word reads as a level noun too ("quan" as "quận"); "quan tâm" is the verb.
                break;
            }

            if (level > 0)
            {
                j += level;
                previousWasCapital = false;
                continue;
            }

            if (Cac.MatchAt(tokens, j) == 1 && UnitLexicon.MatchLength(tokens, j + 1, UnitLexicon.LevelNouns) > 0)
            {
                j += 1;
                continue;
            }

            var linker = UnitLexicon.MatchLength(tokens, j, UnitLexicon.Linkers);
            if (linker > 0 && !collective && j + linker < tokens.Count && UnitLexicon.MatchLength(tokens, j + linker, UnitLexicon.LevelNouns) > 0 && IsCollectiveText(start, j))
            {
                // "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương".
                j += linker;
                continue;
            }

            if (t.Fold == "so" && j + 1 < tokens.Count && tokens[j + 1].Kind == TokenKind.Number && IsResidential(start))
            {
                // "Tổ dân phố số 3", "Thôn số 5".
                j += 2;
                continue;
            }

            if (linker > 0 && collective)
            {
                var inner = ParseMention(j + linker);
                if (inner is { } m)
                {
                    j = m.EndToken;
                    continue;
                }

                if (j + linker < tokens.Count && UnitLexicon.MatchLength(tokens, j + linker, UnitLexicon.LevelNouns) > 0)
                {
                    j += linker;
                    continue;
                }

                break;
            }

            if (t.IsCapitalized || IsAbbreviation(t))
            {
                // A new proper head after a lower-case word starts another unit, not a longer name.
                if (HeadLength(j, out _) > 0 && j > start + head && !previousWasCapital && UnitLexicon.MatchLength(tokens, j, UnitLexicon.StrongHeads) == 0)
                {
                    break;
                }

                j++;
                previousWasCapital = true;
                continue;
            }

            if (UnitLexicon.MatchLength(tokens, j, UnitLexicon.Stops) > 0)
            {
                break;
            }

            if (collective)
            {
                j++;
                continue;
            }

            if (previousWasCapital)
            {
                // Second syllable of a capitalised word: "Nội vụ", "Huyện ủy", "Dân vận".
                j++;
                previousWasCapital = false;
                continue;
            }

            var continuer = UnitLexicon.MatchLength(tokens, j, UnitLexicon.NameContinuers);
            if (continuer > 0)
            {
                // Lower-case words that end names: "Phòng Xây dựng chính quyền", "Trung tâm Phục vụ hành chính công".
                j += continuer;
                continue;
            }

            break;
        }

        return new MentionMatch(start, j, collective || IsCollectiveText(start, j));
    }

    /// <summary>Mentions at i separated by ",", ";", "và", "cùng"; stops at the first non-unit.</summary>
    public List<MentionMatch> ParseList(int i, int limit = int.MaxValue)
    {
        var list = new List<MentionMatch>();
        var j = i;
        while (j < tokens.Count && j < limit)
        {
            var m = ParseMention(j);
            if (m is null)
            {
                break;
            }

            list.Add(m.Value);
            j = m.Value.EndToken;
            var k = j;
            while (k < tokens.Count && (tokens[k].IsPunct(',') || tokens[k].IsPunct(';') || Va.MatchAt(tokens, k) == 1 || Cung.MatchAt(tokens, k) == 1))
            {
                k++;
            }

            if (k == j)
            {
                break;
            }

            j = k;
        }

        return list;
    }

    public Extracted<UnitMention> ToExtracted(MentionMatch m, double confidence)
    {
        var span = TextSpan.FromBounds(tokens[m.StartToken].Start, tokens[m.EndToken - 1].End);
        var name = CleanName(span.Of(text));
        return new Extracted<UnitMention>(new UnitMention(name, Classify(name, m.Collective)), span, confidence);
    }

    /// <summary>Whitespace collapsed, markdown emphasis and trailing list punctuation removed.</summary>
    public static string CleanName(string raw) => Collapse(raw).TrimEnd(' ', ',', ';', '.', ':', '|').Trim();

    /// <summary>Whitespace (line breaks included) collapsed to single spaces, markdown emphasis removed.</summary>
    public static string Collapse(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        var space = false;
        foreach (var c in raw.Replace("**", string.Empty, StringComparison.Ordinal))
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>What a mention's text stands for when it names several units.</summary>
    public static UnitGroup Classify(string name, bool collective)
    {
        var f = " " + VietnameseText.Fold(name) + " ";
        var plural = collective || f.Contains(" cac ", StringComparison.Ordinal) || f.StartsWith(" chinh quyen", StringComparison.Ordinal);
        if (!plural)
        {
            return UnitGroup.None;
        }

        if (f.Contains("d/c", StringComparison.Ordinal) || f.Contains("dong chi", StringComparison.Ordinal) || f.Contains("uy vien", StringComparison.Ordinal) || f.Contains("can bo", StringComparison.Ordinal) || f.Contains("chu tich", StringComparison.Ordinal) || f.Contains("pct", StringComparison.Ordinal))
        {
            return UnitGroup.People;
        }

        var committee = f.Contains("ubnd", StringComparison.Ordinal) || f.Contains("uy ban", StringComparison.Ordinal);
        if (committee && (f.Contains("cac xa", StringComparison.Ordinal) || f.Contains("cac phuong", StringComparison.Ordinal)))
        {
            return UnitGroup.CommunePeoplesCommittees;
        }

        if (committee && (f.Contains("cac huyen", StringComparison.Ordinal) || f.Contains("cac quan", StringComparison.Ordinal)))
        {
            return UnitGroup.DistrictPeoplesCommittees;
        }

        if (committee && f.Contains("cac cap", StringComparison.Ordinal))
        {
            return UnitGroup.Governments;
        }

        if (f.Contains("co quan chuyen mon", StringComparison.Ordinal))
        {
            return UnitGroup.SpecialisedAgencies;
        }

        if (f.Contains("cac so", StringComparison.Ordinal) || f.Contains("so, ban, nganh", StringComparison.Ordinal))
        {
            return UnitGroup.ProvincialAgencies;
        }

        if (f.Contains("chinh tri - xa hoi", StringComparison.Ordinal) || f.Contains("doan the", StringComparison.Ordinal) || f.Contains("mat tran", StringComparison.Ordinal))
        {
            return UnitGroup.MassOrganizations;
        }

        if (f.Contains("cap uy", StringComparison.Ordinal) || f.Contains("dang bo", StringComparison.Ordinal) || f.Contains("chi bo", StringComparison.Ordinal)
            || f.Contains("huyen uy", StringComparison.Ordinal) || f.Contains("thanh uy", StringComparison.Ordinal) || f.Contains("tinh uy", StringComparison.Ordinal) || f.Contains("dang uy", StringComparison.Ordinal))
        {
            return UnitGroup.PartyOrganizations;
        }

        if (f.Contains("chinh quyen", StringComparison.Ordinal))
        {
            return UnitGroup.Governments;
        }

        if (f.Contains("lien quan", StringComparison.Ordinal) || f.Contains("co quan, don vi", StringComparison.Ordinal))
        {
            return UnitGroup.RelatedAgencies;
        }

        return UnitGroup.Other;
    }

    private bool IsCollectiveText(int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (Cac.MatchAt(tokens, k) == 1)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsJointCouncilAndCommittee(int j)
    {
        if (j < 1 || j + 1 >= tokens.Count || Va.MatchAt(tokens, j) != 1)
        {
            return false;
        }

        var councilBefore = tokens[j - 1].Fold == "hdnd" || (j >= 4 && CouncilFull.MatchAt(tokens, j - 4) == 4);
        return councilBefore && (tokens[j + 1].Fold == "ubnd" || CommitteeFull.MatchAt(tokens, j + 1) == 4);
    }

    private bool IsResidential(int i) => tokens[i].Fold is "to" or "khu" or "thon" or "ap" or "ban";

    private static bool IsAbbreviation(Token t) => t.IsAllCaps && t.Text.Length >= 2;
}
