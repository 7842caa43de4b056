using System.Text;
using DanVan.Plugins.HostSample.Data;

namespace DanVan.Plugins.HostSample.Web;

/// <summary>
/// The host's own pages beside the web shell (DanVan.Plugins.HostSample.Shell, which serves
/// sign-in, document lists, document and unit pages with plugin tabs, and each officer's "Thông báo"):
/// attachments, so every deep link the host hands out opens something.
/// </summary>
internal static class WebShellPlaceholder
{
    public static void MapWebShell(this WebApplication app)
    {
        app.MapEOfficeShell();
        app.MapIssueDocument();
        app.MapGet(HostLinks.AttachmentPath + "{id}", (string id, HostStore store) => store.FindAttachment(id) is { } a
            ? Page(a.Attachment.FileName, $"<p>{a.Attachment.SizeBytes} byte, {E(a.Attachment.MediaType)}</p>")
            : NotFound());
    }

    private static IResult NotFound() => Results.Content(Html("Không tìm thấy", "<p>Không tìm thấy đối tượng.</p>"), "text/html; charset=utf-8", Encoding.UTF8, 404);

    private static IResult Page(string title, string body) => Results.Content(Html(title, body), "text/html; charset=utf-8", Encoding.UTF8);

    private static string Html(string title, string body) =>
        $"<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body><h1>{E(title)}</h1>{body}</body></html>";

    // The shell's encoder: Vietnamese letters stay letters, markup is encoded.
    private static string E(string text) => DanVan.Plugins.HostSample.Shell.Formatting.Html.E(text);
}
