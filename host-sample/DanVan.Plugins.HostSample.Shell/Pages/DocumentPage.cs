using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.HostSample.Shell.Formatting;
using static DanVan.Plugins.HostSample.Shell.Formatting.Html;

namespace DanVan.Plugins.HostSample.Shell.Pages;

/// <summary>A document's Nghị định 30/2020 fields; its full text is the first tab.</summary>
internal static class DocumentPage
{
    public static string Header(Document document)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"muted\">").Append(VietnameseFormat.Direction(document.Direction)).Append("</p>")
            .Append("<h1>").Append(E(string.IsNullOrEmpty(document.KindName) ? "Văn bản" : document.KindName))
            .Append(string.IsNullOrEmpty(document.Number) && string.IsNullOrEmpty(document.CodeAsPrinted) ? string.Empty : " " + E(VietnameseFormat.Code(document)))
            .Append("</h1><div class=\"card\"><dl class=\"fields\">")
            .Append(Field("Cơ quan ban hành", string.IsNullOrEmpty(document.IssuerParentName) ? document.IssuerName : document.IssuerParentName + " — " + document.IssuerName))
            .Append(Field("Số, ký hiệu", VietnameseFormat.Code(document)))
            .Append(Field("Ngày ban hành", VietnameseFormat.Date(document.IssueDate) + (string.IsNullOrEmpty(document.Place) ? string.Empty : " · " + document.Place)))
            .Append(Field("Trích yếu", document.Subject))
            .Append(Field("Người ký", document.Signer is null ? string.Empty : string.Join(" — ", new[] { document.Signer.Authority, document.Signer.Position, document.Signer.FullName }.Where(s => !string.IsNullOrEmpty(s)))))
            .Append(Field("Độ khẩn", VietnameseFormat.Urgency(document.Urgency)))
            .Append(Field("Độ mật", VietnameseFormat.Confidentiality(document.Confidentiality)));
        if (document.Addressees.Count > 0)
        {
            html.Append(Field("Kính gửi", string.Join("; ", document.Addressees.Select(r => r.Text))));
        }

        if (document.Recipients.Count > 0)
        {
            html.Append(Field("Nơi nhận", string.Join("; ", document.Recipients.Select(r => string.IsNullOrEmpty(r.Annotation) ? r.Text : r.Text + " " + r.Annotation))));
        }

        return html.Append("</dl></div>").ToString();
    }

    public static string Content(Document document)
    {
        var html = new StringBuilder();
        html.Append("<article class=\"fulltext\" lang=\"vi\">").Append(E(document.FullText)).Append("</article>");
        if (document.Attachments.Count > 0)
        {
            html.Append("<h2>Tệp đính kèm</h2><ul>");
            foreach (var attachment in document.Attachments)
            {
                html.Append("<li>").Append(E(attachment.FileName)).Append(" <span class=\"muted\">(")
                    .Append((attachment.SizeBytes / 1024.0).ToString("0.#", VietnameseFormat.Culture)).Append(" KB)</span></li>");
            }

            html.Append("</ul>");
        }

        return html.ToString();
    }

    private static string Field(string label, string? value) =>
        "<dt>" + E(label) + "</dt><dd>" + E(string.IsNullOrWhiteSpace(value) ? "—" : value) + "</dd>";
}
