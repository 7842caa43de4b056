using System.Net;

namespace DanVan.Plugins;

/// <summary>
/// The screen a tab page was opened for, as carried by its verified signed token. The runtime
/// puts it on the <see cref="Microsoft.AspNetCore.Http.HttpContext"/> of every tab page request
/// (<see cref="TabRequestHttpContextExtensions.GetTabRequest"/>) and passes it to
/// <see cref="ITabBadgeProvider"/>s. Tab pages run without cookies: every link, form action and
/// fetch inside the page must carry the token, which <see cref="Link"/> and
/// <see cref="HiddenTokenInput"/> do.
/// </summary>
public sealed class TabRequest
{
    /// <summary>The query parameter that carries the token: <c>dvt</c>.</summary>
    public const string TokenQueryName = "dvt";

    /// <summary>The header a reverse-proxying host may carry the token in instead: <c>X-DanVan-Tab-Token</c>.</summary>
    public const string TokenHeaderName = "X-DanVan-Tab-Token";

    /// <summary>Creates the context; the runtime does this.</summary>
    public TabRequest(string pluginId, string tabId, string userId, string orgUnitId, string? documentId, string token, DateTimeOffset expiresAt, string basePath)
    {
        PluginId = pluginId ?? throw new ArgumentNullException(nameof(pluginId));
        TabId = tabId ?? throw new ArgumentNullException(nameof(tabId));
        UserId = userId ?? throw new ArgumentNullException(nameof(userId));
        OrgUnitId = orgUnitId ?? throw new ArgumentNullException(nameof(orgUnitId));
        DocumentId = string.IsNullOrEmpty(documentId) ? null : documentId;
        Token = token ?? throw new ArgumentNullException(nameof(token));
        ExpiresAt = expiresAt;
        BasePath = basePath ?? throw new ArgumentNullException(nameof(basePath));
    }

    /// <summary>The plugin's id, e.g. <c>danvan.tasks</c>.</summary>
    public string PluginId { get; }

    /// <summary>The tab's id as declared in the manifest, e.g. <c>document-tasks</c>.</summary>
    public string TabId { get; }

    /// <summary>The officer (danvan.host.v1 User.id) the host opened the tab for.</summary>
    public string UserId { get; }

    /// <summary>The unit the officer acts for on this screen (OrgUnit.id).</summary>
    public string OrgUnitId { get; }

    /// <summary>The document whose screen is open (Document.id), or null on a unit screen.</summary>
    public string? DocumentId { get; }

    /// <summary>The signed token (opaque); it must travel with every request the page makes.</summary>
    public string Token { get; }

    /// <summary>When the token stops being accepted; the host refreshes it for pages that stay open.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The tab's root path as the browser sees it, ending in '/', e.g. <c>/tabs/danvan.tasks/document-tasks/</c>.</summary>
    public string BasePath { get; }

    /// <summary>
    /// A link (or form action, or fetch URL) to <paramref name="relativePath"/> under the tab root that
    /// keeps the token, e.g. <c>Link("report?year=2025")</c> →
    /// <c>/tabs/danvan.tasks/document-tasks/report?year=2025&amp;dvt=…</c>. HTML-encode it when writing it into an attribute.
    /// </summary>
    public string Link(string relativePath = "")
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (relativePath.Contains("://", StringComparison.Ordinal) || relativePath.StartsWith("//", StringComparison.Ordinal) || relativePath.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException("A tab link is a path under the tab root, not an absolute URL.", nameof(relativePath));
        }

        var path = relativePath.TrimStart('/');
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? path[hash..] : "";
        path = hash >= 0 ? path[..hash] : path;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{BasePath}{path}{separator}{TokenQueryName}={Uri.EscapeDataString(Token)}{fragment}";
    }

    /// <summary>
    /// A hidden input carrying the token, for forms submitted with GET (a browser replaces the
    /// action's query string with the form fields, so <see cref="Link"/> alone is not enough there).
    /// </summary>
    public string HiddenTokenInput() => $"<input type=\"hidden\" name=\"{TokenQueryName}\" value=\"{WebUtility.HtmlEncode(Token)}\">";
}
