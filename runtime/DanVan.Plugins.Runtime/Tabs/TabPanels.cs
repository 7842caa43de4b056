using System.Text;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>The small Vietnamese pages the runtime itself answers tab requests with: no stack traces, no scripts.</summary>
internal static class TabPanels
{
    public const string Unavailable = "Tiện ích tạm thời không khả dụng";

    public static Task WriteAsync(HttpContext http, int statusCode, string title, string detail)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        var html = $"""
            <!DOCTYPE html>
            <html lang="vi">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(title)}</title></head>
            <body style="font-family: system-ui, sans-serif; margin: 0; padding: 1.5rem; color: #1f2937;">
            <div role="alert" style="border: 1px solid #d1d5db; border-left: 4px solid #b45309; border-radius: 4px; padding: 1rem 1.25rem; max-width: 40rem; background: #fffbeb;">
            <h1 style="font-size: 1.125rem; margin: 0 0 .5rem;">{Encode(title)}</h1>
            <p style="margin: 0;">{Encode(detail)}</p>
            </div>
            </body>
            </html>
            """;
        return http.Response.WriteAsync(html, Encoding.UTF8);
    }

    // WebUtility.HtmlEncode would turn Latin-1 letters (à, ô, ư's neighbours) into numeric entities; the page is
    // UTF-8, so only the markup characters need escaping.
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
