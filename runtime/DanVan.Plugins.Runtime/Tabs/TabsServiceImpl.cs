using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Routing;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>
/// danvan.runtime.v1.TabsService: the tabs of active plugin versions a screen shows (see
/// <see cref="TabVisibility"/>), with badges and signed page URLs; and token refresh for open tabs. Only
/// host callers (<see cref="PluginRuntimeOptions.HostCallers"/>) may call it.
/// </summary>
internal sealed partial class TabsServiceImpl(
    PluginManager manager,
    TabTokenSigner signer,
    TabUserDirectory directory,
    BadgeCollector badges,
    PluginRuntimeOptions options,
    ILogger<TabsServiceImpl> logger) : TabsService.TabsServiceBase
{
    /// <summary>Longest id accepted in a tab context; keeps tokens well under their 2 KiB bound.</summary>
    public const int MaxIdLength = 256;

    private static readonly StringComparer TitleOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    public override async Task<ListTabsResponse> ListTabs(ListTabsRequest request, ServerCallContext context)
    {
        HostCallers.Require(context, options);
        var screen = ValidateContext(request.Context, "context");
        var rolesInUnit = await RolesInUnitAsync(screen, fresh: false, context.CancellationToken);
        var response = new ListTabsResponse();
        if (rolesInUnit is { Active: false })
        {
            // Inactive users get no tabs (danvan.host.v1 User.active).
            return response;
        }

        var baseUrl = BaseUrl(context);
        var listed = new List<(Tab Tab, TabRequest Request)>();
        var byPlugin = new List<(PluginRouter Router, IReadOnlyList<TabRequest> Tabs)>();
        foreach (var (manifest, router) in manager.ActivePlugins())
        {
            var mapped = router.Active?.Tabs;
            var pluginTabs = new List<TabRequest>();
            foreach (var tab in manifest.Tabs)
            {
                if (mapped is null || !mapped.ContainsKey(tab.Id) || !TabVisibility.Shows(tab, screen.DocumentId.Length > 0, rolesInUnit?.Roles))
                {
                    continue;
                }

                var (token, claims) = Issue(manifest.Id, tab.Id, screen);
                var tabRequest = new TabRequest(manifest.Id, tab.Id, screen.UserId, screen.OrgUnitId, screen.DocumentId, token, claims.ExpiresAt, TabPaths.BasePath(manifest.Id, tab.Id, pathPrefix: ""));
                pluginTabs.Add(tabRequest);
                listed.Add((new Tab
                {
                    Id = TabIds.Qualify(manifest.Id, tab.Id),
                    PluginId = manifest.Id,
                    Title = tab.Title,
                    Order = tab.Order,
                    Url = baseUrl + TabPaths.PageUrl(manifest.Id, tab.Id, token),
                    Token = token,
                    ExpireTime = Timestamp.FromDateTimeOffset(claims.ExpiresAt),
                }, tabRequest));
            }

            if (pluginTabs.Count > 0)
            {
                byPlugin.Add((router, pluginTabs));
            }
        }

        var found = await badges.CollectAsync(byPlugin);
        foreach (var (tab, _) in listed)
        {
            if (found.TryGetValue(tab.Id, out var badge))
            {
                tab.Badge = badge;
            }
        }

        response.Tabs.AddRange(listed.Select(l => l.Tab).OrderBy(t => t.Order).ThenBy(t => t.Title, TitleOrder).ThenBy(t => t.Id, StringComparer.Ordinal));
        return response;
    }

    public override async Task<RefreshTabTokenResponse> RefreshTabToken(RefreshTabTokenRequest request, ServerCallContext context)
    {
        HostCallers.Require(context, options);
        var violations = new List<(string, string)>();
        if (request.TabId.Length == 0)
        {
            violations.Add(("tab_id", "Thiếu mã tab (tab_id is empty)."));
        }

        if (request.Token.Length == 0)
        {
            violations.Add(("token", "Thiếu mã truy cập của tab (token is empty)."));
        }

        var screen = ValidateContext(request.Context, "context", violations);
        var read = signer.Read(request.Token, out var claims);
        if (read is TabTokenReadResult.Invalid || claims is null)
        {
            throw RichStatus.InvalidArgument("The token was not issued by this runtime.", ("token", "Mã truy cập không do runtime này cấp hoặc đã bị sửa (the token was not issued by this runtime or was altered)."));
        }

        if (claims.QualifiedTabId != request.TabId)
        {
            throw RichStatus.InvalidArgument("The token belongs to another tab.", ("tab_id", $"Mã truy cập thuộc tab '{claims.QualifiedTabId}', không phải '{request.TabId}' (the token belongs to another tab)."));
        }

        if (claims.UserId != screen.UserId)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Mã truy cập được cấp cho người dùng khác (the token was issued to another user)."));
        }

        if (claims.OrgUnitId != screen.OrgUnitId || claims.DocumentId != screen.DocumentId)
        {
            throw RichStatus.InvalidArgument("The context differs from the one the tab was listed for.", ("context", "Ngữ cảnh (đơn vị, văn bản) khác với lúc mở tab (the unit or document differs from the one the tab was listed for)."));
        }

        if (signer.Time.GetUtcNow() > claims.ExpiresAt + options.TabTokenRefreshGrace)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Mã truy cập đã hết hạn quá {options.TabTokenRefreshGrace.TotalMinutes:0} phút; hãy gọi lại ListTabs (the token expired more than the grace period ago; call ListTabs again)."));
        }

        // Fresh from the host: a removed role must end the tab now, not when the cache expires.
        var rolesInUnit = await RolesInUnitAsync(screen, fresh: true, context.CancellationToken);
        var manifest = manager.ActivePlugins().Where(p => p.Manifest.Id == claims.PluginId).Select(p => p.Manifest).FirstOrDefault();
        var tab = manifest?.Tabs.FirstOrDefault(t => t.Id == claims.TabId);
        var mapped = manager.FindRouter(claims.PluginId)?.Active?.Tabs.ContainsKey(claims.TabId) == true;
        if (manifest is null || tab is null || !mapped || rolesInUnit is { Active: false } || !TabVisibility.Shows(tab, screen.DocumentId.Length > 0, rolesInUnit?.Roles))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Tab '{request.TabId}' không còn khả dụng cho người dùng này (plugin disabled or role removed); hãy gọi lại ListTabs."));
        }

        var (token, issued) = Issue(claims.PluginId, claims.TabId, screen);
        return new RefreshTabTokenResponse
        {
            Url = BaseUrl(context) + TabPaths.PageUrl(claims.PluginId, claims.TabId, token),
            Token = token,
            ExpireTime = Timestamp.FromDateTimeOffset(issued.ExpiresAt),
        };
    }

    private (string Token, TabToken Claims) Issue(string pluginId, string tabId, Screen screen) =>
        signer.Issue(pluginId, tabId, screen.UserId, screen.OrgUnitId, screen.DocumentId, options.TabTokenLifetime)
        ?? throw RichStatus.InvalidArgument("The ids are too long for a tab token.", ("context", $"Các mã trong ngữ cảnh quá dài: mã truy cập vượt {TabTokenSigner.MaxTokenLength} ký tự (the ids make the token longer than {TabTokenSigner.MaxTokenLength} characters)."));

    private async Task<UserRoles?> RolesInUnitAsync(Screen screen, bool fresh, CancellationToken cancellationToken)
    {
        if (!directory.Configured)
        {
            LogNoDirectory(logger);
            return null;
        }

        var user = await directory.GetUserAsync(screen.UserId, fresh, cancellationToken);
        return user is null ? null : new UserRoles(user.Active, TabRoles.InUnit(user, screen.OrgUnitId));
    }

    private string BaseUrl(ServerCallContext context)
    {
        if (options.PublicBaseUrl is { } configured)
        {
            return configured.AbsoluteUri.TrimEnd('/');
        }

        var http = context.GetHttpContext();
        return $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}".TrimEnd('/');
    }

    private static Screen ValidateContext(TabContext? tabContext, string field, List<(string, string)>? violations = null)
    {
        violations ??= [];
        var userId = tabContext?.UserId ?? "";
        var orgUnitId = tabContext?.OrgUnitId ?? "";
        var documentId = tabContext?.DocumentId ?? "";
        if (userId.Length == 0)
        {
            violations.Add(($"{field}.user_id", "Thiếu mã người dùng (user_id is empty)."));
        }

        if (orgUnitId.Length == 0)
        {
            violations.Add(($"{field}.org_unit_id", "Thiếu mã đơn vị (org_unit_id is empty)."));
        }

        foreach (var (name, value) in new[] { ("user_id", userId), ("org_unit_id", orgUnitId), ("document_id", documentId) })
        {
            if (value.Length > MaxIdLength)
            {
                violations.Add(($"{field}.{name}", $"Dài quá {MaxIdLength} ký tự ({name} is longer than {MaxIdLength} characters)."));
            }
        }

        return violations.Count == 0
            ? new Screen(userId, orgUnitId, documentId)
            : throw RichStatus.InvalidArgument("The tab request is incomplete or invalid.", [.. violations]);
    }

    [LoggerMessage(EventId = 32, Level = LogLevel.Debug, Message = "No e-office host is configured: tabs are listed without checking the user, and tabs requiring a role are hidden")]
    private static partial void LogNoDirectory(ILogger logger);

    private sealed record Screen(string UserId, string OrgUnitId, string DocumentId);

    private sealed record UserRoles(bool Active, IReadOnlySet<string> Roles);
}
