using System.Globalization;
using System.Text;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Review;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// What confirming the chosen items will create: one task per item, for its units, with its deadline.
/// Until the plugin has its storage this is the summary only; nothing is saved yet (the page says so).
/// </summary>
internal static class ConfirmPage
{
    public const string Title = "Xác nhận tạo nhiệm vụ";

    public static StringBuilder Render(TabRequest tab, DocumentReview review, IReadOnlyCollection<string> chosenPaths)
    {
        var draft = review.Resolved.Draft;
        var chosen = draft.Items.Where(i => chosenPaths.Contains(i.Path)).ToList();
        var html = Html.Begin(Title);
        html.Append("<p><a href=\"").Append(Html.Encode(tab.Link())).Append("\">← Danh sách nhiệm vụ</a></p>");
        html.Append("<h1>").Append(Title).Append("</h1>");
        html.Append("<p class=\"meta\">").Append(Html.Encode(ReviewPage.DocumentLine(review.Document, draft))).Append("</p>");
        if (chosen.Count == 0)
        {
            html.Append("<div class=\"hop loi\" role=\"alert\"><p>Chưa chọn mục nào. Hãy quay lại và đánh dấu các mục cần tạo thành nhiệm vụ.</p></div>");
            return html;
        }

        html.Append("<p id=\"tom-tat\">Sẽ tạo ").Append(chosen.Count.ToString(CultureInfo.InvariantCulture)).Append(" nhiệm vụ từ văn bản này:</p><ol>");
        var due = draft.Closing?.Deadlines.FirstOrDefault();
        foreach (var item in chosen)
        {
            var deadline = item.Deadlines.FirstOrDefault() ?? due;
            html.Append("<li><strong>Mục ").Append(Html.Encode(item.Path)).Append("</strong>: ").Append(Html.Encode(ReviewPage.Short(item.Text.Value)))
                .Append("<br><span class=\"tc\">Đơn vị: ").Append(Html.Encode(Units(item, draft))).Append("; thời hạn: ")
                .Append(Html.Encode(deadline?.Value.Describe() ?? "chưa nêu")).Append("</span></li>");
        }

        html.Append("</ol><div class=\"hop\" role=\"status\"><p>Bản tóm tắt để rà soát: việc lưu nhiệm vụ và giao cho từng đơn vị sẽ có khi tiện ích được nối với kho dữ liệu. Chưa có gì được lưu.</p></div>");
        return html;
    }

    private static string Units(DraftItem item, DirectiveDraft draft)
    {
        var names = (item.Lead is null ? [] : new[] { item.Lead.Value.Name })
            .Concat(item.Assignees.Select(a => a.Value.Name))
            .Concat(item.Cooperating.Select(c => c.Value.Name + " (phối hợp)"))
            .ToList();
        if (names.Count == 0)
        {
            names.AddRange(draft.Addressees.Select(a => a.Unit.Value.Name));
        }

        return names.Count == 0 ? "chưa xác định" : string.Join(", ", names.Distinct(StringComparer.Ordinal));
    }
}
