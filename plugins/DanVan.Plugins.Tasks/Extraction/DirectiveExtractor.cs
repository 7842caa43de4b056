using System.Text.RegularExpressions;

namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// Extracts a draft of tasks from a directive's text (chỉ thị, công văn, kế hoạch …): pure and
/// deterministic, no I/O. The input is normalised to NFC first and every span points into that
/// normalised text (DirectiveDraft.Text). It never throws: an empty or unreadable document gives an
/// empty draft with a Vietnamese message saying why.
/// </summary>
internal sealed class DirectiveExtractor
{
    public const string EmptyDocumentMessage = "Văn bản trống: không có nội dung để trích nhiệm vụ.";
    public const string NoItemsMessage = "Không nhận ra mục nhiệm vụ nào (1., 2., a), - …) trong văn bản. Bản nháp để trống; hãy thêm nhiệm vụ thủ công.";
    public const string NumberBlankMessage = "Văn bản chưa có số (chỉ có ký hiệu); kiểm tra lại số, ký hiệu khi văn bản được ban hành.";
    public const string IssueDayBlankMessage = "Ngày ban hành chưa ghi ngày; kiểm tra lại ngày ban hành.";
    public const string NoAddresseesMessage = "Không xác định được đơn vị thực hiện; hãy chọn đơn vị cho từng nhiệm vụ.";
    public const string InternalErrorMessage = "Không phân tích được văn bản do lỗi của bộ trích nhiệm vụ. Bản nháp để trống; hãy nhập nhiệm vụ thủ công.";

    public DirectiveDraft Extract(string? input)
    {
        var text = string.Empty;
        try
        {
            text = VietnameseText.Normalize(input ?? string.Empty);
            if (string.IsNullOrWhiteSpace(text))
            {
                return DirectiveDraft.Empty(text, new DraftMessage(DraftMessageCode.EmptyDocument, EmptyDocumentMessage));
            }

            try
            {
                return ExtractNormalized(text);
            }
            catch (RegexMatchTimeoutException)
            {
                // The match budget is wall-clock time, so a thread the OS left waiting on a busy
                // machine can run out of it on an ordinary document. A runaway pattern would run
                // out again, and then falls to the empty draft below.
                return ExtractNormalized(text);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The officer still gets a draft to fill in by hand; the exception is a bug to fix, not their problem.
            return DirectiveDraft.Empty(text, new DraftMessage(DraftMessageCode.InternalError, InternalErrorMessage));
        }
    }

    private static DirectiveDraft ExtractNormalized(string text)
    {
        var folded = VietnameseText.Fold(text);
        var lines = SourceLine.Split(text);
        var layout = StructureParser.Parse(text, lines);
        var metadata = MetadataParser.Parse(text, lines, layout);
        var messages = new List<DraftMessage>();

        var headerEndLine = layout.BodyStartLine >= 0 ? layout.BodyStartLine : layout.EndLine;
        var recipients = RecipientParser.ParseKinhGui(text, lines, headerEndLine);
        recipients.AddRange(RecipientParser.ParseNoiNhan(text, lines, layout.NoiNhanLine));

        var addressees = new List<Recipient>();
        if (layout.BodyStartLine >= 0)
        {
            var (opening, issuer) = OpeningParser.Parse(text, 0, layout.HeaderEnd);
            addressees.AddRange(opening.Select(a => new Recipient(a, RecipientSource.OpeningSentence, new Extracted<RecipientPurpose>(RecipientPurpose.Action, a.Span, 0.85))));
            if (metadata.Issuer is null && issuer is not null)
            {
                metadata = metadata with { Issuer = new Extracted<string>(issuer.Value.Name, issuer.Span, issuer.Confidence) };
            }
        }

        var items = Build(text, folded, layout.Items, string.Empty, string.Empty, 0);
        DraftItem? closing = null;
        if (layout.Closing is { } c)
        {
            var facts = BlockAnalyzer.Analyze(text, folded, c.Start, c.End);
            closing = new DraftItem(DraftItemKind.Closing, string.Empty, string.Empty, string.Empty, 0, new Extracted<string>(UnitScanner.Collapse(c.Of(text)), c, 0.8), c,
                facts.Lead, facts.Cooperating, facts.Assignees, facts.Reports, facts.Deadlines, []);
            // "Thủ trưởng các sở … tổ chức thực hiện" names them as subjects; "Yêu cầu Thủ trưởng các cơ quan … thực hiện" after the request.
            var closingUnits = facts.Assignees.Count > 0 ? facts.Assignees : OpeningParser.Parse(text, c.Start, c.End).Addressees;
            addressees.AddRange(closingUnits.Select(a => new Recipient(a, RecipientSource.Closing, new Extracted<RecipientPurpose>(RecipientPurpose.Action, a.Span, 0.8))));
        }

        if (items.Count == 0)
        {
            messages.Add(new DraftMessage(DraftMessageCode.NoItemsFound, NoItemsMessage));
        }

        if (metadata.Number?.Value.IsBlank == true)
        {
            messages.Add(new DraftMessage(DraftMessageCode.NumberBlank, NumberBlankMessage));
        }

        if (metadata.IssueDate is { Value.Day: null })
        {
            messages.Add(new DraftMessage(DraftMessageCode.IssueDayBlank, IssueDayBlankMessage));
        }

        if (items.Count > 0 && addressees.Count == 0 && recipients.All(r => r.Purpose.Value is RecipientPurpose.Archive or RecipientPurpose.AsAbove)
            && !items.SelectMany(i => i.SelfAndDescendants()).Any(i => i.Lead is not null || i.Assignees.Count > 0))
        {
            messages.Add(new DraftMessage(DraftMessageCode.NoAddresseesFound, NoAddresseesMessage));
        }

        return new DirectiveDraft(text, metadata, addressees, recipients, items, closing, messages);
    }

    private static List<DraftItem> Build(string text, string folded, IReadOnlyList<RawItem> raw, string parentPath, string parentNumber, int level)
    {
        var result = new List<DraftItem>(raw.Count);
        for (var k = 0; k < raw.Count; k++)
        {
            var item = raw[k];
            var label = item.Label;
            var number = label.Kind is DraftItemKind.Dash or DraftItemKind.Plus or DraftItemKind.Bullet
                ? (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                : label.Value;
            var path = parentPath.Length == 0 ? number : parentPath + "." + number;
            if (label.Kind == DraftItemKind.SubNumbered && parentNumber.Length > 0 && number.StartsWith(parentNumber + ".", StringComparison.Ordinal))
            {
                // "1.1." under "1." of section II is II.1.1, not II.1.1.1: the label already carries its parent's number.
                path = parentPath + number[parentNumber.Length..];
            }

            var (start, end) = Trim(text, label.TextStart, Math.Max(label.TextStart, item.OwnEnd));
            var own = TextSpan.FromBounds(start, end);
            var facts = BlockAnalyzer.Analyze(text, folded, start, end);
            var confidence = label.Kind is DraftItemKind.Dash or DraftItemKind.Plus or DraftItemKind.Bullet ? 0.9 : 1.0;
            result.Add(new DraftItem(
                label.Kind,
                label.Written,
                number,
                path,
                level,
                new Extracted<string>(UnitScanner.Collapse(own.Of(text)), own, confidence),
                TextSpan.FromBounds(item.LabelStart, Math.Max(item.LabelStart, item.End)),
                facts.Lead,
                facts.Cooperating,
                facts.Assignees,
                facts.Reports,
                facts.Deadlines,
                Build(text, folded, item.Children, path, number, level + 1)));
        }

        return result;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] == '*'))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] == '*'))
        {
            end--;
        }

        return (start, end);
    }
}
