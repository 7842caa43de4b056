using System.Globalization;
using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>The pages' shell (one small inline stylesheet, no external assets) and encoding helpers.</summary>
internal static class Html
{
    // Small-screen first: one column, wrapping text, no fixed widths; colours readable in print.
    private const string Style =
        "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;margin:0;padding:12px;color:#1d2733;max-width:60rem}" +
        "h1{font-size:1.25rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.25rem 0 .5rem}h3{font-size:1rem;margin:0}" +
        ".meta{color:#4a5563;margin:0 0 .75rem}ol.muc{list-style:none;padding:0;margin:0}ol.muc ol.muc{padding-left:1rem;border-left:2px solid #d8dee6;margin-top:.5rem}" +
        "li.muc{padding:.6rem 0;border-top:1px solid #e3e7ec}p{margin:.25rem 0;overflow-wrap:anywhere}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.4rem 0}dt{font-weight:600;color:#4a5563}dd{margin:0}" +
        "dd ul{margin:0;padding-left:1.1rem}.tc{color:#6b7380;font-size:.8rem}.thap{background:#fff1c2;color:#6b4a00;padding:0 .2rem;border-radius:3px}" +
        ".canh-bao{background:#fff4d6;border-left:3px solid #d08700;padding:0 .3rem}.giai-the{color:#7a3e00}" +
        ".hop{border:1px solid #d8dee6;border-radius:6px;padding:.6rem .8rem;margin:.75rem 0;background:#f7f9fb}" +
        ".loi{border-color:#d08700;background:#fff8e6}mark{background:#ffe680;padding:0 .1rem}mark.dv{background:#d7ecff}mark.han{background:#ffd7c2}" +
        ".nguon{white-space:pre-wrap;font-family:inherit;background:#fff;border:1px solid #d8dee6;padding:.6rem;border-radius:6px;overflow-wrap:anywhere}.nguon .ngoai{color:#6b7380}" +
        "button{font:inherit;padding:.5rem 1rem;border-radius:6px;border:1px solid #1f5fa8;background:#1f5fa8;color:#fff;cursor:pointer}" +
        "label{display:block;padding:.15rem 0}a{color:#1f5fa8}h2.tt{font-size:1rem;margin:0}" +
        ".tt-qua,.tt-sap,.tt-thuong{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:10px;margin-right:.3rem}" +
        ".tt-qua{background:#fde2e1;color:#8a1c14}.tt-sap{background:#fff1c2;color:#6b4a00}.tt-thuong{background:#e6eef7;color:#1d4f86}" +
        "textarea,input[type=text],input[type=number],select{font:inherit;display:block;width:100%;max-width:40rem;box-sizing:border-box;padding:.3rem;margin:.15rem 0 .4rem}" +
        "details{margin:.4rem 0}summary{cursor:pointer;color:#1f5fa8}ul.lich-su,ul.don-vi{padding-left:1.1rem}.ly-do{color:#8a1c14}";

    public static string Encode(string? text) => (text ?? string.Empty)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    public static string Date(Date? date) =>
        date is null || date.Year == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{date.Day:00}/{date.Month:00}/{date.Year:0000}");

    public static string Percent(double confidence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(confidence * 100):0}%");

    public static StringBuilder Begin(string title)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body><main>");
        return html;
    }

    public static async Task WriteAsync(HttpContext http, StringBuilder html, int statusCode = StatusCodes.Status200OK)
    {
        html.Append("</main></body></html>");
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html.ToString(), http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A page with one message, for errors and empty states.</summary>
    public static Task WriteMessageAsync(HttpContext http, string title, string message, int statusCode, string? backLink = null)
    {
        var html = Begin(title);
        html.Append("<h1>").Append(Encode(title)).Append("</h1><div class=\"hop loi\" role=\"alert\"><p>").Append(Encode(message)).Append("</p></div>");
        if (backLink is not null)
        {
            html.Append("<p><a href=\"").Append(Encode(backLink)).Append("\">Quay lại danh sách nhiệm vụ</a></p>");
        }

        return WriteAsync(http, html, statusCode);
    }
}
