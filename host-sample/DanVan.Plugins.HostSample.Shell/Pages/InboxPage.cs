using System.Globalization;
using System.Text;
using DanVan.Plugins.HostSample.Shell.Inbox;
using static DanVan.Plugins.HostSample.Shell.Formatting.Html;

namespace DanVan.Plugins.HostSample.Shell.Pages;

/// <summary>"Thông báo": the signed-in officer's notifications, newest first, with local times (UTC+7) as dd/MM/yyyy HH:mm.</summary>
internal static class InboxPage
{
    public const string Path = "/thong-bao";
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static string Render(IReadOnlyList<InboxNotification> notifications)
    {
        var html = new StringBuilder(2048);
        html.Append("<h1>Thông báo</h1>");
        if (notifications.Count == 0)
        {
            return html.Append("<p class=\"card\">Chưa có thông báo nào.</p>").ToString();
        }

        html.Append("<ol class=\"inbox\">");
        foreach (var n in notifications)
        {
            var local = n.Time.ToOffset(VietnamOffset);
            html.Append("<li class=\"card").Append(n.Urgent ? " urgent" : string.Empty).Append("\"><h2>");
            if (n.Link is { Length: > 0 } link && IsWebLink(link))
            {
                html.Append("<a href=\"").Append(E(link)).Append("\">").Append(E(n.Title)).Append("</a>");
            }
            else
            {
                html.Append(E(n.Title));
            }

            html.Append("</h2><p class=\"meta\"><time datetime=\"").Append(n.Time.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
                .Append(local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)).Append("</time></p>")
                .Append("<p class=\"body\">").Append(E(n.Body)).Append("</p></li>");
        }

        return html.Append("</ol>").ToString();
    }

    // A plugin's deep link is shown as a link only when it is a web address or a local path, never javascript: or data:.
    private static bool IsWebLink(string link) =>
        (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
