using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static DanVan.Plugins.HostSample.Shell.Formatting.Html;

namespace DanVan.Plugins.HostSample.Shell.Tabs;

/// <summary>
/// Asks the runtime which plugin tabs belong on a screen and renders the tab bar and the open
/// tab. The page's own content is the first tab; plugin tabs follow in the runtime's order.
/// </summary>
internal sealed class TabStrip(ShellClients clients, TabSessionStore sessions, IOptions<ShellOptions> options, ILogger<TabStrip> logger)
{
    public async Task<TabListing> ListAsync(User user, string orgUnitId, string? documentId, CancellationToken cancellationToken)
    {
        var context = new TabContext { UserId = user.Id, OrgUnitId = orgUnitId, DocumentId = documentId ?? string.Empty, Locale = "vi-VN" };
        try
        {
            var response = await clients.Tabs.ListTabsAsync(
                new ListTabsRequest { Context = context },
                deadline: DateTime.UtcNow + options.Value.TabListTimeout,
                cancellationToken: cancellationToken);
            return new TabListing(response.Tabs, context, RuntimeUnavailable: false);
        }
        catch (RpcException e)
        {
            // The page still opens with its own content; the tab area says the add-ons are away.
            logger.LogWarning("Tabs for user {UserId} are unavailable: {Status} {Detail}", user.Id, e.StatusCode, e.Status.Detail);
            return new TabListing([], context, RuntimeUnavailable: true);
        }
    }

    /// <summary>The tab bar and the selected panel; <paramref name="ownContent"/> is the page's first tab.</summary>
    public string Render(string pageUrl, string ownTitle, string ownContent, TabListing listing, string? selected, string userId)
    {
        var open = listing.Tabs.FirstOrDefault(t => t.Id == selected);
        var html = new StringBuilder();
        html.Append("<div class=\"tabs\" role=\"tablist\" aria-label=\"Các thẻ\">")
            .Append(TabLink(pageUrl, null, ownTitle, badge: null, icon: null, open is null));
        foreach (var tab in listing.Tabs)
        {
            html.Append(TabLink(pageUrl, tab.Id, tab.Title, tab.Badge, tab.IconSvg, open == tab));
        }

        html.Append("</div><div class=\"panel\" role=\"tabpanel\">");
        if (open is not null)
        {
            var session = sessions.Open(userId, open, listing.Context);
            html.Append("<iframe title=\"").Append(E(open.Title)).Append("\" src=\"/tien-ich/").Append(session.Key)
                .Append("/\" data-plugin=\"").Append(E(open.PluginId)).Append("\" loading=\"eager\"></iframe>");
        }
        else
        {
            if (!string.IsNullOrEmpty(selected))
            {
                // A tab the officer had open is gone: its plugin was disabled or is being upgraded.
                html.Append(UnavailablePanel.Fragment(null));
            }
            else if (listing.RuntimeUnavailable)
            {
                html.Append(UnavailablePanel.Fragment("Các tiện ích (nhiệm vụ, dân chủ cơ sở, đánh giá) tạm thời không khả dụng. Nội dung văn bản vẫn xem được bình thường."));
            }

            html.Append(ownContent);
        }

        return html.Append("</div>").ToString();
    }

    // The contract promises a small inline SVG using currentColor; markup that could run script is dropped.
    internal static bool IsPlainSvg(string? icon) =>
        !string.IsNullOrEmpty(icon)
        && icon.Length <= 4096
        && icon.TrimStart().StartsWith("<svg", StringComparison.Ordinal)
        && !System.Text.RegularExpressions.Regex.IsMatch(icon, @"<\s*(script|foreignObject|iframe)|\son[a-z]+\s*=|javascript:|href\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static string TabLink(string pageUrl, string? tabId, string title, TabBadge? badge, string? icon, bool selected)
    {
        var href = tabId is null ? pageUrl : pageUrl + "?tab=" + Url(tabId);
        var html = new StringBuilder();
        html.Append("<a role=\"tab\" href=\"").Append(E(href)).Append("\" aria-selected=\"").Append(selected ? "true" : "false").Append('"');
        if (tabId is not null)
        {
            html.Append(" data-tab-id=\"").Append(E(tabId)).Append('"');
        }

        html.Append('>');
        if (IsPlainSvg(icon))
        {
            html.Append("<span aria-hidden=\"true\">").Append(icon).Append("</span>");
        }

        html.Append(E(title));
        if (badge is { Count: > 0 })
        {
            var severity = badge.Severity switch
            {
                BadgeSeverity.Warning => "warning",
                BadgeSeverity.Critical => "critical",
                BadgeSeverity.Info => "info",
                _ => string.Empty,
            };
            html.Append(" <span class=\"badge ").Append(severity).Append("\" title=\"").Append(E(badge.Tooltip))
                .Append("\" aria-label=\"").Append(E(string.IsNullOrEmpty(badge.Tooltip) ? badge.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : badge.Tooltip)).Append("\">")
                .Append(badge.Count).Append("</span>");
        }

        return html.Append("</a>").ToString();
    }
}
