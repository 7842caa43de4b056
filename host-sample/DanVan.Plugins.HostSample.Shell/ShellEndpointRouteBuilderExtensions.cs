using DanVan.Plugins.HostSample.Shell;
using DanVan.Plugins.HostSample.Shell.Tabs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the sample e-office's pages.</summary>
public static class ShellEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/dang-nhap</c>, <c>/van-ban-den</c>, <c>/van-ban-di</c>, <c>/van-ban/{id}</c>,
    /// <c>/don-vi/{id}</c>, <c>/thong-bao</c> (when the host supplies an inbox) and the plugin-tab proxy <c>/tien-ich/{key}/…</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapEOfficeShell(this IEndpointRouteBuilder endpoints)
    {
        var shell = endpoints.MapGroup(string.Empty).AddEndpointFilter<HostUnavailableFilter>();
        shell.MapGet("/", (ShellPages pages, HttpContext http) => pages.HomeAsync(http));
        shell.MapGet("/dang-nhap", (ShellPages pages, HttpContext http) => pages.SignInAsync(http));
        shell.MapPost("/dang-nhap", (ShellPages pages, HttpContext http) => pages.SignInPostAsync(http));
        shell.MapGet("/dang-xuat", (ShellPages pages, HttpContext http) => pages.SignOut(http));
        shell.MapGet("/van-ban-den", (ShellPages pages, HttpContext http) => pages.DocumentListAsync(http, incoming: true));
        shell.MapGet("/van-ban-di", (ShellPages pages, HttpContext http) => pages.DocumentListAsync(http, incoming: false));
        shell.MapGet("/van-ban/{id}", (ShellPages pages, HttpContext http, string id) => pages.DocumentAsync(http, id));
        shell.MapGet("/thong-bao", (ShellPages pages, HttpContext http) => pages.InboxAsync(http));
        shell.MapGet("/don-vi/{id}", (ShellPages pages, HttpContext http, string id) => pages.UnitAsync(http, id));
        endpoints.MapMethods("/tien-ich/{key}/{**rest}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Head],
            (TabProxy proxy, HttpContext http, string key, string? rest) => proxy.HandleAsync(http, key, rest));
        return endpoints;
    }
}
