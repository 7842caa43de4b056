using System.Text.RegularExpressions;

namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Splits a document into header, items and closing. Items start at the first "1."/"I."/"a)" line
/// (or, with no numbering, the first bullet after the sentence that announces them, "… nội dung
/// sau:"), nest by label kind (a kind seen before closes the deeper ones), and must follow their
/// siblings' order ("3." after "2."); a label out of order is read as text. Unlabelled lines
/// continue the item above. The items end at "Nơi nhận", at a signature block, or at a closing
/// paragraph ("… thực hiện nghiêm túc Chỉ thị này") after the last item.
/// </summary>
internal static partial class StructureParser
{
    [GeneratedRegex(@"^(?:yeu cau|de nghi|tren day|nhan duoc|trong qua trinh)|^[^.;:]{0,80}\bthong bao (?:de|den|cho)\b|(?:chi thi|cong van|ke hoach|van ban|thong bao|huong dan|quyet dinh|chuong trinh|cong dien|nghi quyet|ket luan) (?:nay|tren)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ClosingMarker();

    [GeneratedRegex(@"^(?:(?:tm|kt|tl|tuq|q)\s*[./]\s*\S|t/m\b|chu tich\b|pho chu tich\b|giam doc\b|pho giam doc\b|bi thu\b|pho bi thu\b|truong ban\b|truong phong\b|chanh van phong\b)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SignatureStart();

    public static DocumentLayout Parse(string text, IReadOnlyList<SourceLine> lines)
    {
        var noiNhan = lines.FirstOrDefault(l => l.Folded.StartsWith("noi nhan", StringComparison.Ordinal))?.Index ?? -1;
        var end = noiNhan >= 0 ? noiNhan : lines.Count;
        var labels = lines.Select(l => l.Index < end ? LabelReader.Read(text, l) : null).ToArray();

        var bodyStart = FindBodyStart(lines, labels, end);
        if (bodyStart < 0)
        {
            return new DocumentLayout(lines, -1, ContentEnd(lines, end), [], null, noiNhan, end);
        }

        var signature = FindSignature(lines, bodyStart, end);
        end = Math.Min(end, signature);

        var roots = new List<RawItem>();
        var stack = new List<(RawItem Item, DraftItemKind Kind, string Value)>();
        var lastLabelLine = bodyStart;
        for (var i = bodyStart; i < end; i++)
        {
            var label = labels[i];
            if (label is null)
            {
                continue;
            }

            var level = stack.FindLastIndex(s => s.Kind == label.Kind);
            if (level >= 0 ? !LabelReader.IsNext(label.Kind, stack[level].Value, label.Value) : !LabelReader.IsFirst(label.Kind, label.Value) || (stack.Count == 0 && i != bodyStart))
            {
                labels[i] = null;
                continue;
            }

            var item = new RawItem(label, lines[i].ContentStart);
            if (level >= 0)
            {
                stack.RemoveRange(level, stack.Count - level);
            }

            if (stack.Count == 0)
            {
                roots.Add(item);
            }
            else
            {
                stack[^1].Item.Children.Add(item);
            }

            stack.Add((item, label.Kind, label.Value));
            lastLabelLine = i;
        }

        // A closing paragraph after the last item ends the items.
        TextSpan? closing = null;
        var itemsEnd = end;
        for (var i = lastLabelLine + 1; i < end; i++)
        {
            if (!lines[i].IsBlank && (ClosingMarker().IsMatch(lines[i].Folded) || FollowsTable(lines, i)) && StartsParagraph(lines, i))
            {
                itemsEnd = i;
                var closingEnd = ContentEnd(lines, end);
                closing = TextSpan.FromBounds(lines[i].ContentStart, Math.Max(lines[i].ContentStart, closingEnd));
                break;
            }
        }

        var itemsEndOffset = ContentEnd(lines, itemsEnd);
        SetEnds(roots, itemsEndOffset, text);
        return new DocumentLayout(lines, bodyStart, bodyStart > 0 ? ContentEnd(lines, bodyStart) : 0, roots, closing, noiNhan, end);
    }

    private static int FindBodyStart(IReadOnlyList<SourceLine> lines, LineLabel?[] labels, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (labels[i] is { } l && l.Kind is DraftItemKind.Numbered or DraftItemKind.Section && LabelReader.IsFirst(l.Kind, l.Value) && !IsHeaderNoise(lines[i]))
            {
                return i;
            }
        }

        // No numbering: bullets after a sentence ending in ":" that is not "Kính gửi:".
        for (var i = 1; i < end; i++)
        {
            if (labels[i] is { } l && l.Kind is DraftItemKind.Dash or DraftItemKind.Plus or DraftItemKind.Bullet or DraftItemKind.Lettered)
            {
                var previous = PreviousContent(lines, i);
                if (previous is not null && previous.Content.EndsWith(':') && !previous.Folded.StartsWith("kinh gui", StringComparison.Ordinal) && previous.Content.Length > 20)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static bool IsHeaderNoise(SourceLine line) => line.Folded.StartsWith("so", StringComparison.Ordinal) && line.Content.Contains('/', StringComparison.Ordinal);

    private static int FindSignature(IReadOnlyList<SourceLine> lines, int from, int end)
    {
        for (var i = from + 1; i < end; i++)
        {
            var l = lines[i];
            if (l.IsBlank || l.Content.Length > 60)
            {
                continue;
            }

            var upper = l.Content.Count(char.IsUpper);
            var letters = l.Content.Count(char.IsLetter);
            if (letters > 0 && upper * 10 >= letters * 9 && SignatureStart().IsMatch(l.Folded) && StartsParagraph(lines, i))
            {
                return i;
            }
        }

        return end;
    }

    /// <summary>
    /// A paragraph right after a table ("| 1 | Tổ dân phố số 3 | … |") that closes the last item: the
    /// table was that item's list, and what follows it speaks to the whole document.
    /// </summary>
    private static bool FollowsTable(IReadOnlyList<SourceLine> lines, int i) =>
        !IsTableRow(lines[i]) && char.IsUpper(lines[i].Content[0]) && PreviousContent(lines, i) is { } previous && IsTableRow(previous) && previous.Index < i - 1;

    public static bool IsTableRow(SourceLine line) => line.Content.StartsWith('|') && line.Content.Length > 1;

    private static bool StartsParagraph(IReadOnlyList<SourceLine> lines, int i)
    {
        var previous = PreviousContent(lines, i);
        return previous is null || previous.Index < i - 1 || previous.Content.EndsWith('.') || previous.Content.EndsWith(':') || previous.Content.EndsWith(';') || char.IsUpper(lines[i].Content[0]);
    }

    private static SourceLine? PreviousContent(IReadOnlyList<SourceLine> lines, int i)
    {
        for (var k = i - 1; k >= 0; k--)
        {
            if (!lines[k].IsBlank)
            {
                return lines[k];
            }
        }

        return null;
    }

    /// <summary>Offset just after the last non-blank content before line index end.</summary>
    private static int ContentEnd(IReadOnlyList<SourceLine> lines, int end)
    {
        for (var k = Math.Min(end, lines.Count) - 1; k >= 0; k--)
        {
            if (!lines[k].IsBlank)
            {
                return lines[k].ContentEnd;
            }
        }

        return 0;
    }

    private static void SetEnds(List<RawItem> siblings, int end, string text)
    {
        for (var k = 0; k < siblings.Count; k++)
        {
            var item = siblings[k];
            item.End = k + 1 < siblings.Count ? TrimEnd(text, siblings[k + 1].LabelStart) : end;
            SetEnds(item.Children, item.End, text);
            item.OwnEnd = item.Children.Count > 0 ? TrimEnd(text, item.Children[0].LabelStart) : item.End;
        }
    }

    private static int TrimEnd(string text, int end)
    {
        while (end > 0 && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '*'))
        {
            end--;
        }

        return end;
    }
}
