using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using static DanVan.Plugins.HostSample.Shell.Formatting.Html;

namespace DanVan.Plugins.HostSample.Shell.Pages;

/// <summary>The frame around every page: header with the province, navigation and who is signed in.</summary>
internal static class PageLayout
{
    public static string Render(string title, User? user, string current, string body, string provinceName, int? notificationCount = null)
    {
        var html = new StringBuilder(4096);
        html.Append("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" — Hệ thống quản lý văn bản và điều hành</title>")
            .Append("<style>").Append(ShellStyles.Css).Append("</style></head><body>")
            .Append("<header class=\"top\"><span class=\"brand\">").Append(E(provinceName)).Append(" · Quản lý văn bản và điều hành</span>");
        if (user is not null)
        {
            html.Append("<nav aria-label=\"Chức năng\">")
                .Append(NavLink("/van-ban-den", "Văn bản đến", current))
                .Append(NavLink("/van-ban-di", "Văn bản đi", current))
                .Append(NavLink("/don-vi/" + Url(user.PrimaryOrgUnitId), "Đơn vị của tôi", current))
                .Append(NavLink("/soan-van-ban", "Soạn văn bản", current));
            if (notificationCount is { } count)
            {
                html.Append(NavLink(InboxPage.Path, count > 0 ? $"Thông báo ({count})" : "Thông báo", current));
            }

            html.Append("</nav><span class=\"who\">").Append(E(user.FullName));
            if (!string.IsNullOrEmpty(user.Position))
            {
                html.Append(" · ").Append(E(user.Position));
            }

            html.Append(" · <a href=\"/dang-xuat\">Đăng xuất</a></span>");
        }

        html.Append("</header><main>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    private static string NavLink(string href, string text, string current) =>
        $"<a href=\"{href}\"{(current == href ? " aria-current=\"page\"" : string.Empty)}>{E(text)}</a>";
}
