using System.Net;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using static DanVan.Plugins.Runtime.Tests.Infrastructure.TabsScenario;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class TabPageTests
{
    private const string Greeter = "danvan.testplugins.greeter";
    private const string HostOrigin = "https://eoffice.hungyen.gov.vn";

    [Fact]
    public async Task Page_ValidToken_RendersItsContext_LinksKeepTheToken_NoCookiesEitherWay_FramableByHost()
    {
        await using var scenario = await StartAsync();
        var tab = Assert.Single(await scenario.ListAsync("u-an", "xa-tan-hung", "vb-12"));
        using var client = scenario.Host.CreatePageClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, PathOf(tab));
        request.Headers.Add("Cookie", "phien=bi-mat");

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<dd data-name=\"Người dùng\">u-an</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd data-name=\"Đơn vị\">xa-tan-hung</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd data-name=\"Văn bản\">vb-12</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd data-name=\"Phiên bản\">1.0.0</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd data-name=\"Cookie\">không có</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/tabs/{Greeter}/document-info/chi-tiet?muc=1&amp;dvt={tab.Token}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"dvt\" value=\"{tab.Token}\">", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal($"frame-ancestors 'self' {HostOrigin}", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Page_TokenInHeaderThroughAReverseProxyWithPrefix_ServedWithLinksUnderThePrefix_PostWorks()
    {
        await using var scenario = await StartAsync();
        var tab = Assert.Single(await scenario.ListAsync("u-an", "xa-tan-hung"));
        using var client = scenario.Host.CreatePageClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/tabs/{Greeter}/unit-overview/gui");
        request.Headers.Add("X-DanVan-Tab-Token", tab.Token);
        request.Headers.Add("X-Forwarded-Prefix", "/eoffice/tien-ich");

        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<dd data-name=\"Phương thức\">POST</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd data-name=\"Trang\">gui</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/eoffice/tien-ich/tabs/{Greeter}/unit-overview/chi-tiet?muc=1&amp;dvt=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WithoutToken_401VietnamesePanel()
    {
        await using var scenario = await StartAsync();
        using var client = scenario.Host.CreatePageClient();

        using var response = await client.GetAsync($"/tabs/{Greeter}/unit-overview/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("thiếu mã truy cập", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_TamperedToken_OrAnotherTabsToken_401()
    {
        await using var scenario = await StartAsync();
        var tabs = await scenario.ListAsync("u-lanh-dao", "xa-tan-hung");
        var leader = tabs.Single(t => t.Id.EndsWith("leader-report", StringComparison.Ordinal));
        var overview = tabs.Single(t => t.Id.EndsWith("unit-overview", StringComparison.Ordinal));
        using var client = scenario.Host.CreatePageClient();
        var tampered = overview.Token[..^2] + (overview.Token[^2] == 'A' ? "B" : "A") + overview.Token[^1];

        using var forged = await client.GetAsync($"/tabs/{Greeter}/unit-overview/?dvt={tampered}");
        using var crossed = await client.GetAsync($"/tabs/{Greeter}/unit-overview/?dvt={leader.Token}");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, crossed.StatusCode);
        Assert.Contains("Mã truy cập không hợp lệ", await crossed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ExpiredToken_401AskingToReload()
    {
        await using var scenario = await StartAsync();
        var tab = Assert.Single(await scenario.ListAsync("u-an", "xa-tan-hung"));
        using var client = scenario.Host.CreatePageClient();

        scenario.Time!.Advance(TimeSpan.FromMinutes(10));
        using var response = await client.GetAsync(PathOf(tab));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("đã hết hạn", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_PluginDisabled_503PanelWithoutTechnicalDetail()
    {
        await using var scenario = await StartAsync();
        var tab = Assert.Single(await scenario.ListAsync("u-an", "xa-tan-hung"));
        using var client = scenario.Host.CreatePageClient();

        await scenario.Host.Manager.DisableAsync(Greeter);
        using var response = await client.GetAsync(PathOf(tab));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Tiện ích tạm thời không khả dụng", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Greeter, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AfterUpgrade_SameTokenServedByTheNewVersion_OldVersionUnloads()
    {
        await using var scenario = await StartAsync();
        var tab = Assert.Single(await scenario.ListAsync("u-an", "xa-tan-hung"));
        using var client = scenario.Host.CreatePageClient();
        var before = await client.GetStringAsync(PathOf(tab));

        await scenario.Host.ActivateAsync("greeter", "2.0.0");
        var after = await client.GetStringAsync(PathOf(tab));
        var unload = Assert.Single(await scenario.Host.Manager.WaitForUnloadsAsync());

        Assert.Contains("<dd data-name=\"Phiên bản\">1.0.0</dd>", before, StringComparison.Ordinal);
        Assert.Contains("<dd data-name=\"Phiên bản\">2.0.0</dd>", after, StringComparison.Ordinal);
        Assert.True(unload.Collected, "1.0.0 still loaded: " + string.Join(", ", unload.LingeringAssemblies));
    }

    [Fact]
    public async Task Page_InFlightDuringUpgrade_FinishesOnTheOldVersion_WhichUnloadsOnlyAfterwards()
    {
        await using var scenario = await StartAsync();
        var tab = Assert.Single(await scenario.ListAsync("u-an", "xa-tan-hung"));
        using var client = scenario.Host.CreatePageClient();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        AppContext.SetData("danvan.testplugins.greeter.page-entered", entered);
        AppContext.SetData("danvan.testplugins.greeter.page-gate", gate.Task);
        try
        {
            var inFlight = client.GetStringAsync($"/tabs/{Greeter}/unit-overview/cho?dvt={tab.Token}");
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            await scenario.Host.ActivateAsync("greeter", "2.0.0");
            var unloads = scenario.Host.Manager.WaitForUnloadsAsync();
            var unloadedEarly = unloads.IsCompleted;
            gate.SetResult();
            var oldPage = await inFlight;
            var unload = Assert.Single(await unloads);

            Assert.False(unloadedEarly);
            Assert.Contains("<dd data-name=\"Phiên bản\">1.0.0</dd>", oldPage, StringComparison.Ordinal);
            Assert.True(unload.Collected);
        }
        finally
        {
            AppContext.SetData("danvan.testplugins.greeter.page-entered", null);
            AppContext.SetData("danvan.testplugins.greeter.page-gate", null);
        }
    }

    [Fact]
    public async Task Page_BrowserStyleHttp11Get_OnTheWebEndpoint_Served()
    {
        var root = Path.Combine(Path.GetTempPath(), "danvan-web-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0));
            k.ListenPluginRuntimeWeb(new IPEndPoint(IPAddress.Loopback, 0));
        });
        builder.Services.AddPluginRuntime(o =>
        {
            o.RootDirectory = Path.Combine(root, "store");
            o.DataDirectory = Path.Combine(root, "data");
            o.CallerTokens["eoffice-host"] = RuntimeHost.HostToken;
        });
        await using var app = builder.Build();
        app.MapPluginRuntime();
        await app.StartAsync();
        try
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
            var manager = app.Services.GetRequiredService<Management.PluginManager>();
            await manager.ActivateAsync(TestPluginBuilds.Manifest("greeter", "1.0.0"), TestPluginBuilds.Directory("greeter", "1.0.0"), new ConfigurationBuilder().Build());
            Tab? tab = null;
            foreach (var address in addresses)
            {
                // The h2c endpoint answers gRPC; the web endpoint speaks HTTP/1.1 only and refuses it.
                using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { Credentials = CallCredentials.FromBearerToken(RuntimeHost.HostToken) });
                try
                {
                    tab = (await new TabsService.TabsServiceClient(channel).ListTabsAsync(new ListTabsRequest { Context = Screen("u-an", "xa-tan-hung") })).Tabs.Single();
                    addresses.Remove(address);
                    break;
                }
                catch (Grpc.RpcException)
                {
                }
            }

            Assert.NotNull(tab);
            var web = Assert.Single(addresses);
            using var browser = new HttpClient { DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
            using var response = await browser.GetAsync(new Uri(web, PathOf(tab)));
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(HttpVersion.Version11, response.Version);
            Assert.Contains("<dd data-name=\"Người dùng\">u-an</dd>", html, StringComparison.Ordinal);
        }
        finally
        {
            await app.Services.GetRequiredService<Management.PluginManager>().DisposeAsync();
            await app.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    private static Task<TabsScenario> StartAsync() =>
        TabsScenario.StartAsync(configure: o =>
        {
            o.PublicBaseUrl = null;
            o.TabFrameAncestors.Add(HostOrigin);
        });

    private static string PathOf(Tab tab) => new Uri(tab.Url).PathAndQuery;
}
