using System.Text;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Review;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// One item's source: the document text around it, the item's own passage highlighted, and inside it
/// the units and deadlines the extractor read, so the officer can check the draft against the text.
/// </summary>
internal static class SourcePage
{
    public const string ClosingPath = "ket-luan";
    private const int ContextChars = 400;

    public static DraftItem? Find(DirectiveDraft draft, string path) =>
        path == ClosingPath ? draft.Closing : draft.AllItems().FirstOrDefault(i => string.Equals(i.Path, path, StringComparison.Ordinal));

    public static StringBuilder Render(TabRequest tab, DocumentReview review, DraftItem item)
    {
        var draft = review.Resolved.Draft;
        var text = draft.Text;
        var title = item == draft.Closing ? "Đoạn gốc: tổ chức thực hiện" : "Đoạn gốc của mục " + item.Path;
        var html = Html.Begin(title);
        html.Append("<p><a href=\"").Append(Html.Encode(tab.Link())).Append("\">← Danh sách nhiệm vụ</a></p>");
        html.Append("<h1>").Append(Html.Encode(title)).Append("</h1>");
        html.Append("<p class=\"meta\">").Append(Html.Encode(ReviewPage.DocumentLine(review.Document, draft))).Append("</p>");
        html.Append("<p class=\"tc\">Tô vàng: đoạn của mục; tô xanh: đơn vị; tô cam: thời hạn. Độ tin cậy của nội dung: ")
            .Append(Html.Percent(item.Text.Confidence)).Append(".</p>");

        var span = item.FullSpan;
        var (start, cutBefore) = ContextStart(text, span.Start);
        var (end, cutAfter) = ContextEnd(text, span.End);
        html.Append("<div class=\"nguon\" aria-label=\"Văn bản gốc quanh mục\"><span class=\"ngoai\">")
            .Append(cutBefore ? "…" : string.Empty).Append(Html.Encode(text[start..span.Start])).Append("</span><mark id=\"doan\">");
        var at = span.Start;
        foreach (var (inner, kind) in Marks(item).Where(m => m.Span.Start >= span.Start && m.Span.End <= span.End).OrderBy(m => m.Span.Start))
        {
            if (inner.Start < at)
            {
                continue; // overlapping marks: the first one wins
            }

            html.Append(Html.Encode(text[at..inner.Start])).Append("<mark class=\"").Append(kind).Append("\">").Append(Html.Encode(inner.Of(text))).Append("</mark>");
            at = inner.End;
        }

        html.Append(Html.Encode(text[at..span.End])).Append("</mark><span class=\"ngoai\">").Append(Html.Encode(text[span.End..end])).Append(cutAfter ? "…" : string.Empty).Append("</span></div>");
        return html;
    }

    private static IEnumerable<(TextSpan Span, string Kind)> Marks(DraftItem item)
    {
        var units = (item.Lead is null ? [] : new[] { item.Lead }).Concat(item.Cooperating).Concat(item.Assignees)
            .Concat(item.Reports.SelectMany(r => new[] { r.ReportTo, r.Via, r.Upstream }).OfType<Extracted<UnitMention>>());
        return units.Select(u => (u.Span, "dv"))
            .Concat(item.Deadlines.Select(d => (d.Span, "han")))
            .Where(m => m.Span.Length > 0);
    }

    // The paragraph before and the paragraph after the passage, cut at a word (with "…") when long.
    private static (int Start, bool Cut) ContextStart(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i]))
        {
            i--;
        }

        var paragraph = i < 0 ? start : text.LastIndexOf('\n', i) + 1;
        if (start - paragraph <= ContextChars)
        {
            return (paragraph, false);
        }

        var cut = text.IndexOf(' ', start - ContextChars);
        return cut < 0 || cut >= start ? (start - ContextChars, true) : (cut + 1, true);
    }

    private static (int End, bool Cut) ContextEnd(string text, int end)
    {
        var i = end;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var newline = i >= text.Length ? -1 : text.IndexOf('\n', i);
        var paragraph = i >= text.Length ? end : newline < 0 ? text.Length : newline;
        if (paragraph - end <= ContextChars)
        {
            return (paragraph, false);
        }

        var cut = text.LastIndexOf(' ', end + ContextChars);
        return cut <= end ? (end + ContextChars, true) : (cut, true);
    }
}
