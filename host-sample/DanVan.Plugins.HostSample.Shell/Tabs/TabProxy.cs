using System.Net;
using System.Text;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DanVan.Plugins.HostSample.Shell.Tabs;

/// <summary>
/// Serves plugin tab pages through the host's own origin: <c>/tien-ich/{key}/{rest}</c> is
/// forwarded to the runtime's <c>/tabs/{plugin}/{tab}/{rest}</c> with the signed token in a
/// header, renewing the token shortly before it expires. No cookie crosses to the runtime and
/// none comes back, so third-party-cookie blocking cannot break a tab.
/// </summary>
internal sealed class TabProxy(
    TabSessionStore sessions,
    UserSession users,
    ShellClients clients,
    IOptions<ShellOptions> options,
    TimeProvider time,
    ILogger<TabProxy> logger) : IDisposable
{
    public const string TokenHeader = "X-DanVan-Tab-Token";

    // Request headers worth passing on; everything else (cookies above all) stays at the host.
    private static readonly string[] ForwardedRequestHeaders = ["Accept", "Accept-Language", "If-None-Match", "If-Modified-Since"];

    // Response headers worth passing back; Set-Cookie is never among them.
    private static readonly string[] ForwardedResponseHeaders = ["Cache-Control", "Content-Disposition", "Content-Language", "ETag", "Last-Modified", "Content-Security-Policy"];

    private readonly HttpClient _http = new(options.Value.HttpHandler ?? new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }, disposeHandler: options.Value.HttpHandler is null)
    {
        BaseAddress = options.Value.RuntimeAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task HandleAsync(HttpContext http, string key, string? rest)
    {
        var session = sessions.Find(key);
        var userId = users.CurrentUserId(http);
        if (session is null || userId is null || session.UserId != userId)
        {
            await WritePanelAsync(http, StatusCodes.Status404NotFound, "Phiên làm việc của tiện ích đã hết. Vui lòng tải lại trang văn bản.");
            return;
        }

        var token = await CurrentTokenAsync(http, session);
        if (token is null)
        {
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), session.BasePath + (rest ?? string.Empty) + QueryWithoutToken(http.Request.Query))
        {
            // The runtime's endpoint speaks HTTP/2, over cleartext with prior knowledge (h2c).
            Version = HttpVersion.Version20,
            VersionPolicy = _http.BaseAddress?.Scheme == Uri.UriSchemeHttp ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrHigher,
        };

        request.Headers.TryAddWithoutValidation(TokenHeader, token);
        foreach (var name in ForwardedRequestHeaders)
        {
            if (http.Request.Headers.TryGetValue(name, out var values))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        if (HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method))
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            request.Content = new ByteArrayContent(buffer.ToArray());
            if (http.Request.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(e, "The plugin runtime did not answer for tab {TabId}", session.TabId);
            await WritePanelAsync(http, StatusCodes.Status503ServiceUnavailable, null);
            return;
        }

        using (response)
        {
            await CopyResponseAsync(http, session, response);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<string?> CurrentTokenAsync(HttpContext http, TabSession session)
    {
        var (token, expireTime) = session.Current;
        if (time.GetUtcNow() + options.Value.TabTokenRefreshMargin < expireTime)
        {
            return token;
        }

        try
        {
            var renewed = await clients.Tabs.RefreshTabTokenAsync(
                new RefreshTabTokenRequest { TabId = session.TabId, Context = session.Context, Token = token },
                // A wire deadline is wall-clock time, whatever clock decides when to renew.
                deadline: DateTime.UtcNow.AddSeconds(10),
                cancellationToken: http.RequestAborted);
            session.Renew(renewed.Token, renewed.ExpireTime?.ToDateTimeOffset() ?? time.GetUtcNow());
            return renewed.Token;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
        {
            await WritePanelAsync(http, StatusCodes.Status410Gone, "Phiên làm việc của tiện ích đã hết. Vui lòng tải lại trang văn bản.");
        }
        catch (RpcException e)
        {
            // NOT_FOUND: the plugin was disabled or the tab removed; UNAVAILABLE: runtime down.
            logger.LogInformation("Tab {TabId} could not be renewed: {Status}", session.TabId, e.StatusCode);
            await WritePanelAsync(http, StatusCodes.Status503ServiceUnavailable, null);
        }

        return null;
    }

    private async Task CopyResponseAsync(HttpContext http, TabSession session, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout)
        {
            await WritePanelAsync(http, StatusCodes.Status503ServiceUnavailable, null);
            return;
        }

        http.Response.StatusCode = status;
        foreach (var name in ForwardedResponseHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                http.Response.Headers[name] = values.ToArray();
            }
        }

        if (response.Headers.Location is { } location)
        {
            http.Response.Headers.Location = Rewrite(location.OriginalString, session);
        }

        var contentType = response.Content.Headers.ContentType;
        if (contentType is not null)
        {
            http.Response.ContentType = contentType.ToString();
        }

        if (contentType?.MediaType == "text/html")
        {
            // Pages may carry root-relative links to the runtime's tab path; point them at this proxy.
            var html = await response.Content.ReadAsStringAsync(http.RequestAborted);
            await http.Response.WriteAsync(Rewrite(html, session), Encoding.UTF8, http.RequestAborted);
            return;
        }

        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static string Rewrite(string text, TabSession session) =>
        text.Replace(session.BasePath, "/tien-ich/" + session.Key + "/", StringComparison.Ordinal);

    private static string QueryWithoutToken(IQueryCollection query)
    {
        var kept = query.Where(q => q.Key != "dvt").SelectMany(q => q.Value.Select(v => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(v ?? string.Empty))).ToList();
        return kept.Count == 0 ? string.Empty : "?" + string.Join('&', kept);
    }

    private static Task WritePanelAsync(HttpContext http, int status, string? detail)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(UnavailablePanel.Page(detail), Encoding.UTF8, http.RequestAborted);
    }
}
