using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>
/// The runtime scans each plugin's assembly with Scrutor for the contracts it resolves from plugins
/// (ITabBadgeProvider, IHostEventHandler, IJobHandler, IPluginMigrations): a class the plugin never
/// registers is found, and what the plugin registered itself is neither doubled nor reordered.
/// </summary>
public sealed class DiScanTests
{
    private const string Greeter = "danvan.testplugins.greeter";

    [Fact]
    public async Task Scan_BadgeProviderThePluginNeverRegistered_GivesItsBadge()
    {
        await using var scenario = await TabsScenario.StartAsync();

        var tabs = await scenario.ListAsync("u-tham-dinh", "so-noi-vu");

        var ranking = tabs.Single(t => t.Id == Greeter + ".province-ranking");
        Assert.Equal((7, BadgeSeverity.Info, "7 đơn vị chưa báo cáo"), (ranking.Badge.Count, ranking.Badge.Severity, ranking.Badge.Tooltip));
    }

    [Fact]
    public async Task Scan_ContractsThePluginRegistered_EachClassOnceInThePluginsOrderThenTheScanned()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");

        var (badges, handlers) = RegisteredClasses(host);

        Assert.Equal(["CountingBadgeProvider", "UnreliableBadgeProvider", "ProvinceRankingBadge"], badges);
        Assert.Equal(["FailingEventHandler", "RecordingEventHandler"], handlers);
    }

    // Names only: holding the plugin's instances here would keep its context alive for other checks.
    private static (string[] Badges, string[] Handlers) RegisteredClasses(RuntimeHost host)
    {
        var services = host.Manager.ActiveServices(Greeter)!;
        return (
            services.GetServices<DanVan.Plugins.ITabBadgeProvider>().Select(p => p.GetType().Name).ToArray(),
            services.GetServices<DanVan.Plugins.IHostEventHandler>().Select(h => h.GetType().Name).ToArray());
    }
}
