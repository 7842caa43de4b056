using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>A tab page that prints its context, a link and a form keeping the token, (under su-kien) the events received, and (under cho) waits for the test's gate.</summary>
internal static class ContextPage
{
    public static async Task RenderAsync(HttpContext http)
    {
        var tab = http.GetTabRequest();
        if (http.Request.RouteValues["rest"] as string == "cho")
        {
            // A page kept in flight by the test: AppContext data is shared across load contexts.
            (AppContext.GetData("danvan.testplugins.greeter.page-entered") as TaskCompletionSource)?.TrySetResult();
            if (AppContext.GetData("danvan.testplugins.greeter.page-gate") is Task gate)
            {
                await gate;
            }
        }

        var formatter = http.RequestServices.GetRequiredService<GreetingFormatter>();
        var rest = http.Request.RouteValues["rest"] as string ?? "";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lời chào</title></head><body>");
        html.Append("<h1>").Append(Encode(tab.TabId)).Append("</h1><dl>");
        Item(html, "Phiên bản", formatter.Version);
        Item(html, "Người dùng", tab.UserId);
        Item(html, "Đơn vị", tab.OrgUnitId);
        Item(html, "Văn bản", tab.DocumentId ?? "(không có)");
        Item(html, "Trang", rest.Length == 0 ? "(gốc)" : rest);
        Item(html, "Phương thức", http.Request.Method);
        Item(html, "Hết hạn", tab.ExpiresAt.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Item(html, "Cookie", http.Request.Headers.Cookie.Count == 0 ? "không có" : "có");
        html.Append("</dl>");
        html.Append("<a id=\"chi-tiet\" href=\"").Append(Encode(tab.Link("chi-tiet?muc=1"))).Append("\">Chi tiết</a>");
        html.Append("<form id=\"gui\" method=\"post\" action=\"").Append(Encode(tab.Link("gui"))).Append("\"><button>Gửi</button></form>");
        html.Append("<form id=\"tim\" method=\"get\" action=\"").Append(Encode(tab.Link("tim"))).Append("\">").Append(tab.HiddenTokenInput()).Append("<input name=\"q\"></form>");
        if (rest == "su-kien")
        {
            html.Append("<ol id=\"su-kien\">");
            foreach (var id in http.RequestServices.GetRequiredService<ReceivedEvents>().Ids)
            {
                html.Append("<li>").Append(Encode(id)).Append("</li>");
            }

            html.Append("</ol>");
        }

        // Tab pages must never set cookies; the runtime strips this one (a test checks it).
        http.Response.Headers.Append("Set-Cookie", "thu=1; Path=/");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html.Append("</body></html>").ToString());
    }

    private static void Item(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(Encode(name)).Append("</dt><dd data-name=\"").Append(Encode(name)).Append("\">").Append(Encode(value)).Append("</dd>");

    // Markup characters only: the page is UTF-8, so Vietnamese letters stay as they are.
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);
}
