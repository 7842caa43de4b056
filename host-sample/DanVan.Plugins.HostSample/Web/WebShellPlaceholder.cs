using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DanVan.Plugins.HostSample.Data;

namespace DanVan.Plugins.HostSample.Web;

/// <summary>
/// A placeholder for the e-office web shell (built later): a start page and the pages deep links point
/// to, so every link the host hands out opens something.
/// </summary>
internal static class WebShellPlaceholder
{
    public static void MapWebShell(this WebApplication app)
    {
        app.MapGet("/", (HostStore store) => Page("Văn phòng điện tử mẫu – tỉnh Hưng Yên",
            "<p>Hệ thống e-office mẫu triển khai hợp đồng danvan.host.v1. Giao diện đầy đủ sẽ được bổ sung.</p><h2>Văn bản</h2><ul>"
            + string.Concat(store.Documents.Select(d => $"<li><a href=\"{d.Document.DeepLink.Url}\">{E(d.Document.DeepLink.Title)}</a></li>"))
            + "</ul>"));
        // What the runtime asked the e-office to tell officers, newest first.
        app.MapGet("/thong-bao", (NotificationStore notifications) => Page("Thông báo đã nhận",
            "<ul>" + string.Concat(notifications.All().Reverse().Select(n =>
                $"<li>{n.CreateTime.ToOffset(TimeSpan.FromHours(7)):dd/MM/yyyy HH:mm} – <strong>{E(n.Title)}</strong> ({n.RecipientUserIds.Count} người nhận)<br>{E(n.Body)}</li>"))
            + "</ul>"));
        app.MapGet(HostLinks.DocumentPath + "{id}", (string id, HostStore store) => store.FindDocument(id) is { } d
            ? Page(d.Document.DeepLink.Title, $"<p>{E(d.Document.IssuerName)}</p><p>{E(d.Document.Subject)}</p><pre>{E(d.Document.FullText)}</pre>")
            : NotFound());
        app.MapGet(HostLinks.OrgUnitPath + "{id}", (string id, HostStore store) => store.FindUnit(id) is { } u
            ? Page(u.FullName, $"<p>{E(u.ShortName)}</p>")
            : NotFound());
        app.MapGet(HostLinks.AttachmentPath + "{id}", (string id, HostStore store) => store.FindAttachment(id) is { } a
            ? Page(a.Attachment.FileName, $"<p>{a.Attachment.SizeBytes} byte, {E(a.Attachment.MediaType)}</p>")
            : NotFound());
    }

    private static IResult NotFound() => Results.Content(Html("Không tìm thấy", "<p>Không tìm thấy đối tượng.</p>"), "text/html; charset=utf-8", Encoding.UTF8, 404);

    private static IResult Page(string title, string body) => Results.Content(Html(title, body), "text/html; charset=utf-8", Encoding.UTF8);

    private static string Html(string title, string body) =>
        $"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body><h1>{E(title)}</h1>{body}</body></html>";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);
}
