using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.HostSample.Shell.Formatting;
using static DanVan.Plugins.HostSample.Shell.Formatting.Html;

namespace DanVan.Plugins.HostSample.Shell.Pages;

/// <summary>The sample's sign-in: pick one of the seeded officers (no passwords in a sample).</summary>
internal static class SignInPage
{
    public static string Render(IReadOnlyList<User> users, IReadOnlyDictionary<string, string> unitNames, string? returnPath)
    {
        var html = new StringBuilder();
        html.Append("<h1>Đăng nhập</h1><p class=\"muted\">Hệ thống mẫu: chọn một cán bộ để đăng nhập với vai trò của người đó.</p>")
            .Append("<form method=\"post\" action=\"/dang-nhap\">");
        if (returnPath is not null)
        {
            html.Append("<input type=\"hidden\" name=\"tiep\" value=\"").Append(E(returnPath)).Append("\">");
        }

        html.Append("<ul class=\"users\">");
        foreach (var user in users.Where(u => u.Active).OrderBy(u => unitNames.GetValueOrDefault(u.PrimaryOrgUnitId), StringComparer.Create(VietnameseFormat.Culture, false)).ThenBy(u => u.FullName, StringComparer.Create(VietnameseFormat.Culture, false)))
        {
            var roles = string.Join(", ", user.RoleAssignments.Select(r => r.Role).Distinct().Select(VietnameseFormat.Role));
            html.Append("<li><button name=\"user\" value=\"").Append(E(user.Id)).Append("\" data-username=\"").Append(E(user.Username)).Append("\"><strong>")
                .Append(E(user.FullName)).Append("</strong><br><span class=\"muted\">")
                .Append(E(string.IsNullOrEmpty(user.Position) ? roles : user.Position + " · " + roles)).Append("<br>")
                .Append(E(unitNames.GetValueOrDefault(user.PrimaryOrgUnitId, user.PrimaryOrgUnitId))).Append("</span></button></li>");
        }

        return html.Append("</ul></form>").ToString();
    }
}
