using System.Globalization;
using System.Text;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Review;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// What confirming the chosen items created: one task per item, and one assignment per unit per
/// period (the current and the next for recurring deadlines); items confirmed before are named, not
/// created again.
/// </summary>
internal static class ConfirmPage
{
    public const string Title = "Xác nhận tạo nhiệm vụ";
    private const int UnitsShown = 6;

    public static StringBuilder Render(TabRequest tab, DocumentReview review, IReadOnlyList<PlannedTask> plan, ConfirmResult? result)
    {
        var draft = review.Resolved.Draft;
        var html = Html.Begin(Title);
        html.Append("<p><a href=\"").Append(Html.Encode(tab.Link())).Append("\">← Danh sách nhiệm vụ</a></p>");
        html.Append("<h1>").Append(Title).Append("</h1>");
        html.Append("<p class=\"meta\">").Append(Html.Encode(ReviewPage.DocumentLine(review.Document, draft))).Append("</p>");
        if (plan.Count == 0)
        {
            html.Append("<div class=\"hop loi\" role=\"alert\"><p>Chưa chọn mục nào. Hãy quay lại và đánh dấu các mục cần tạo thành nhiệm vụ.</p></div>");
            return html;
        }

        var c = CultureInfo.InvariantCulture;
        html.Append("<div class=\"hop\" role=\"status\" id=\"ket-qua\"><p>")
            .Append(result is null || result.TasksCreated == 0 ? "Không tạo thêm nhiệm vụ nào." : string.Create(c, $"Đã tạo {result.TasksCreated} nhiệm vụ và {result.AssignmentsCreated} lượt giao việc (mỗi đơn vị, mỗi kỳ một lượt)."))
            .Append("</p>");
        if (result is { AlreadyCreated.Count: > 0 })
        {
            html.Append("<p>").Append(Html.Encode(string.Create(c, $"Mục {string.Join(", ", result.AlreadyCreated)} đã được tạo nhiệm vụ trước đó nên không tạo lại."))).Append("</p>");
        }

        html.Append("</div><ol>");
        foreach (var task in plan)
        {
            html.Append("<li data-path=\"").Append(Html.Encode(task.ItemPath)).Append("\"><strong>Mục ").Append(Html.Encode(task.ItemPath)).Append("</strong>: ")
                .Append(Html.Encode(ReviewPage.Short(task.Content))).Append("<dl>");
            html.Append("<dt>Giao cho</dt><dd>");
            if (task.Units.Count == 0)
            {
                html.Append("<span class=\"canh-bao\">chưa xác định được đơn vị: cần chọn đơn vị trước khi giao</span>");
            }
            else
            {
                html.Append(string.Create(c, $"{task.Units.Count} đơn vị: "))
                    .Append(Html.Encode(string.Join(", ", task.Units.Take(UnitsShown).Select(u => string.IsNullOrEmpty(u.ShortName) ? u.FullName : u.ShortName))))
                    .Append(task.Units.Count > UnitsShown ? string.Create(c, $" và {task.Units.Count - UnitsShown} đơn vị khác") : string.Empty);
            }

            html.Append("</dd><dt>Thời hạn</dt><dd>").Append(Html.Encode(task.Due?.Describe() ?? "chưa nêu")).Append("</dd><dt>Các kỳ</dt><dd>")
                .Append(Html.Encode(string.Join("; ", task.Periods.Select(p => p.Due is { } d ? $"{p.Key}: hạn {d.ToString("dd/MM/yyyy", c)}" : $"{p.Key}: chưa có hạn")))).Append("</dd>");
            if (task.ReportTo is { } to)
            {
                html.Append("<dt>Báo cáo</dt><dd>").Append(Html.Encode(to.FullName)).Append(task.ReportVia is { } via ? Html.Encode(" (qua " + via.FullName + ")") : string.Empty).Append("</dd>");
            }

            if (task.Followers.Count > 0)
            {
                html.Append("<dt>Theo dõi</dt><dd>").Append(Html.Encode(string.Join("; ", task.Followers.Select(f => f.FullName)))).Append("</dd>");
            }

            html.Append("</dl></li>");
        }

        html.Append("</ol><p>Các đơn vị thấy việc của mình ở thẻ “Việc của đơn vị”.</p>");
        return html;
    }
}
