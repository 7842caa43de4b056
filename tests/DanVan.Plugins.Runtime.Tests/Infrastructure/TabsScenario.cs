using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Contracts.Runtime.V1;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests.Infrastructure;

/// <summary>
/// The runtime with the Greeter test plugin (tabs: document-info, unit-overview, leader-report needing
/// unit-leader, province-ranking needing home-affairs-appraiser) and a fake e-office directory over h2c
/// knowing a few officers of xã Tân Hưng and Sở Nội vụ.
/// </summary>
internal sealed class TabsScenario : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);

    private TabsScenario(RuntimeHost host, FakeDirectory directory, FakeTimeProvider? time)
    {
        Host = host;
        Directory = directory;
        Time = time;
        Tabs = new TabsService.TabsServiceClient(host.Channel);
    }

    public RuntimeHost Host { get; }

    public FakeDirectory Directory { get; }

    /// <summary>The runtime's clock, or null when the scenario runs on real time.</summary>
    public FakeTimeProvider? Time { get; }

    public TabsService.TabsServiceClient Tabs { get; }

    public static async Task<TabsScenario> StartAsync(bool fakeTime = true, Action<PluginRuntimeOptions>? configure = null)
    {
        var directory = await FakeDirectory.StartAsync();
        directory.AddUser("u-an", true, (Role.CommuneOfficer, "xa-tan-hung"));
        directory.AddUser("u-lanh-dao", true, (Role.UnitLeader, "xa-tan-hung"), (Role.UnitLeader, "xa-loi"), (Role.UnitLeader, "xa-cham"));
        directory.AddUser("u-tham-dinh", true, (Role.HomeAffairsAppraiser, "so-noi-vu"), (Role.AgencyOfficer, "so-noi-vu"));
        directory.AddUser("u-nghi-huu", false, (Role.UnitLeader, "xa-tan-hung"));
        var time = fakeTime ? new FakeTimeProvider(Start) : null;
        var host = await RuntimeHost.StartAsync(
            configure: o =>
            {
                directory.Configure(o);
                o.PublicBaseUrl = new Uri("https://dvcq.hungyen.gov.vn/plugins/");
                configure?.Invoke(o);
            },
            services: time is null ? null : s => s.AddSingleton<TimeProvider>(time));
        await host.ActivateAsync("greeter", "1.0.0");
        return new TabsScenario(host, directory, time);
    }

    public static TabContext Screen(string userId, string orgUnitId, string documentId = "") =>
        new() { UserId = userId, OrgUnitId = orgUnitId, DocumentId = documentId };

    public async Task<IReadOnlyList<Tab>> ListAsync(string userId, string orgUnitId, string documentId = "") =>
        (await Tabs.ListTabsAsync(new ListTabsRequest { Context = Screen(userId, orgUnitId, documentId) })).Tabs;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Directory.DisposeAsync();
    }
}
