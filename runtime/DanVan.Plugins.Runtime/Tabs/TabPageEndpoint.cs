using DanVan.Plugins.Runtime.Management;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>
/// Serves <c>/tabs/{pluginId}/{tabId}/{**rest}</c>: verifies the tab token (query <c>dvt</c> or header
/// <c>X-DanVan-Tab-Token</c>), then runs the tab's page handler in the plugin version active now, entered like
/// a gRPC call so an upgrade swaps pages atomically and drains those in flight. Pages are framable by the
/// configured host origins, never see or set cookies, are not cached and send no referrer (the URL
/// carries the token).
/// </summary>
internal sealed partial class TabPageEndpoint(PluginManager manager, TabTokenSigner signer, PluginRuntimeOptions options, ILogger<TabPageEndpoint> logger)
{
    /// <summary>A host that mounts the runtime's /tabs/ under another path on its origin says so in this header, so links inside pages keep working.</summary>
    public const string ForwardedPrefixHeader = "X-Forwarded-Prefix";

    private readonly string _contentSecurityPolicy = "frame-ancestors 'self'" + string.Concat(options.TabFrameAncestors.Select(o => " " + o.TrimEnd('/')));

    public async Task HandleAsync(HttpContext http)
    {
        var pluginId = http.Request.RouteValues["pluginId"] as string ?? "";
        var tabId = http.Request.RouteValues["tabId"] as string ?? "";
        var response = http.Response;
        response.Headers.ContentSecurityPolicy = _contentSecurityPolicy;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";

        // Tab pages live without cookies: none reaches the plugin and none it sets leaves.
        http.Request.Headers.Remove("Cookie");
        response.OnStarting(static state =>
        {
            ((HttpResponse)state).Headers.Remove("Set-Cookie");
            return Task.CompletedTask;
        }, response);

        string? token = http.Request.Query[TabRequest.TokenQueryName];
        if (string.IsNullOrEmpty(token) && http.Request.Headers.TryGetValue(TabRequest.TokenHeaderName, out StringValues header))
        {
            token = header;
        }

        if (string.IsNullOrEmpty(token))
        {
            await TabPanels.WriteAsync(http, StatusCodes.Status401Unauthorized, "Cần mở tiện ích từ hệ thống quản lý văn bản", "Trang này chỉ mở được từ một tab của hệ thống quản lý văn bản và điều hành (thiếu mã truy cập).");
            return;
        }

        var read = signer.Read(token, out var claims);
        if (read is TabTokenReadResult.Expired)
        {
            await TabPanels.WriteAsync(http, StatusCodes.Status401Unauthorized, "Phiên làm việc với tiện ích đã hết hạn", "Vui lòng tải lại trang của hệ thống quản lý văn bản để mở lại tab này.");
            return;
        }

        if (read is not TabTokenReadResult.Valid || claims is null || claims.PluginId != pluginId || claims.TabId != tabId)
        {
            await TabPanels.WriteAsync(http, StatusCodes.Status401Unauthorized, "Mã truy cập không hợp lệ", "Mã truy cập của tab không hợp lệ hoặc không dành cho trang này. Vui lòng mở lại tab từ hệ thống quản lý văn bản.");
            return;
        }

        var router = manager.FindRouter(pluginId);
        if (router is null)
        {
            await TabPanels.WriteAsync(http, StatusCodes.Status404NotFound, "Không tìm thấy tiện ích", "Tiện ích này chưa được cài đặt trên hệ thống.");
            return;
        }

        var generation = router.Enter();
        if (generation is null)
        {
            await TabPanels.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, TabPanels.Unavailable, "Tiện ích đang tạm dừng hoặc đang được bảo trì. Vui lòng thử lại sau hoặc liên hệ bộ phận công nghệ thông tin của tỉnh.");
            return;
        }

        try
        {
            if (!generation.Tabs.TryGetValue(tabId, out var page))
            {
                await TabPanels.WriteAsync(http, StatusCodes.Status404NotFound, "Không tìm thấy trang", "Phiên bản hiện tại của tiện ích không còn trang này. Vui lòng tải lại trang của hệ thống quản lý văn bản.");
                return;
            }

            http.SetTabRequest(new TabRequest(pluginId, tabId, claims.UserId, claims.OrgUnitId, claims.DocumentId, token, claims.ExpiresAt, TabPaths.BasePath(pluginId, tabId, ForwardedPrefix(http))));
            try
            {
                await page(http);
            }
            catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
            {
                LogPageFailed(logger, pluginId, tabId, generation.Version, ex);
                if (!response.HasStarted)
                {
                    response.Clear();
                    response.Headers.ContentSecurityPolicy = _contentSecurityPolicy;
                    response.Headers.CacheControl = "no-store";
                    await TabPanels.WriteAsync(http, StatusCodes.Status500InternalServerError, "Tiện ích gặp lỗi", "Tiện ích gặp lỗi khi hiển thị trang này. Lỗi đã được ghi lại; vui lòng thử lại sau.");
                }
            }
        }
        finally
        {
            generation.Exit();
        }
    }

    private static string ForwardedPrefix(HttpContext http)
    {
        string? prefix = http.Request.Headers[ForwardedPrefixHeader];
        // Only a plain absolute path is trusted into links.
        return prefix is { Length: > 1 } && prefix[0] == '/' && !prefix.StartsWith("//", StringComparison.Ordinal) && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.')
            ? prefix
            : http.Request.PathBase.Value ?? "";
    }

    [LoggerMessage(EventId = 33, Level = LogLevel.Error, Message = "Tab page {PluginId}/{TabId} of version {Version} failed")]
    private static partial void LogPageFailed(ILogger logger, string pluginId, string tabId, string version, Exception exception);
}
