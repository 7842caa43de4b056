using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.HostSample.Shell.Formatting;
using static DanVan.Plugins.HostSample.Shell.Formatting.Html;

namespace DanVan.Plugins.HostSample.Shell.Pages;

/// <summary>Văn bản đến / văn bản đi: a searchable list, newest first.</summary>
internal static class DocumentListPage
{
    public static string Render(string title, string path, string? query, IReadOnlyList<Document> documents, string? nextPageToken)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(title)).Append("</h1>")
            .Append("<form class=\"search\" method=\"get\" action=\"").Append(path).Append("\"><label class=\"muted\" for=\"q\" hidden>Tìm kiếm</label>")
            .Append("<input id=\"q\" name=\"q\" type=\"search\" placeholder=\"Tìm theo số, ký hiệu, trích yếu (không cần dấu)\" value=\"").Append(E(query)).Append("\">")
            .Append("<button type=\"submit\">Tìm</button></form>");
        if (documents.Count == 0)
        {
            return html.Append("<p class=\"card\">Không có văn bản nào").Append(string.IsNullOrEmpty(query) ? "." : " khớp với “" + E(query) + "”.").Append("</p>").ToString();
        }

        html.Append("<table class=\"list\"><thead><tr><th>Số, ký hiệu</th><th>Ngày ban hành</th><th>Cơ quan ban hành</th><th>Trích yếu</th><th>Độ khẩn</th></tr></thead><tbody>");
        foreach (var document in documents)
        {
            html.Append("<tr><td>").Append(E(VietnameseFormat.Code(document))).Append("</td><td>").Append(VietnameseFormat.Date(document.IssueDate))
                .Append("</td><td>").Append(E(document.IssuerName)).Append("</td><td><a href=\"/van-ban/").Append(Url(document.Id)).Append("\">")
                .Append(E(string.IsNullOrEmpty(document.Subject) ? document.KindName : document.Subject)).Append("</a></td><td>")
                .Append(VietnameseFormat.Urgency(document.Urgency)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        if (!string.IsNullOrEmpty(nextPageToken))
        {
            html.Append("<p><a class=\"button\" href=\"").Append(path).Append("?page=").Append(Url(nextPageToken))
                .Append(string.IsNullOrEmpty(query) ? string.Empty : "&q=" + Url(query)).Append("\">Trang sau</a></p>");
        }

        return html.ToString();
    }
}
