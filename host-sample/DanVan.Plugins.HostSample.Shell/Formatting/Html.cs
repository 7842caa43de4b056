using System.Text.Encodings.Web;

namespace DanVan.Plugins.HostSample.Shell.Formatting;

/// <summary>HTML-encoding for text put into pages; every value from data goes through here.</summary>
internal static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public static string Url(string segment) => Uri.EscapeDataString(segment);
}
