using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace DanVan.Plugins.HostSample.Shell.Formatting;

/// <summary>HTML-encoding for text put into pages; every value from data goes through here.</summary>
internal static class Html
{
    // Vietnamese letters stay letters (the default encoder would turn every one into an entity);
    // markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? string.Empty);

    public static string Url(string segment) => Uri.EscapeDataString(segment);
}
