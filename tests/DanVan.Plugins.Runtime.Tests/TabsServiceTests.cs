using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using Google.Rpc;
using static DanVan.Plugins.Runtime.Tests.Infrastructure.TabsScenario;
using StatusCode = DanVan.Plugins.Grpc.StatusCode;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class TabsServiceTests
{
    private const string Greeter = "danvan.testplugins.greeter";

    [Fact]
    public async Task ListTabs_DocumentScreen_OnlyDocumentTabs_WithBadgeSignedUrlAndExpiry()
    {
        await using var scenario = await TabsScenario.StartAsync();

        var tab = Assert.Single(await scenario.ListAsync("u-an", "xa-tan-hung", "vb-12"));

        Assert.Equal((Greeter + ".document-info", Greeter, "Thông tin văn bản", 10), (tab.Id, tab.PluginId, tab.Title, tab.Order));
        Assert.Equal((1, BadgeSeverity.Info, "1 văn bản mới"), (tab.Badge.Count, tab.Badge.Severity, tab.Badge.Tooltip));
        Assert.Equal($"https://dvcq.hungyen.gov.vn/plugins/tabs/{Greeter}/document-info/?dvt={tab.Token}", tab.Url);
        Assert.InRange(tab.Token.Length, 1, 2048);
        Assert.Equal(Start.AddMinutes(10), tab.ExpireTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task ListTabs_UnitScreen_CommuneOfficer_SeesOnlyTabsWithoutRole()
    {
        await using var scenario = await TabsScenario.StartAsync();

        var tabs = await scenario.ListAsync("u-an", "xa-tan-hung");

        var tab = Assert.Single(tabs);
        Assert.Equal(Greeter + ".unit-overview", tab.Id);
        Assert.Equal((3, BadgeSeverity.Warning, "3 nhiệm vụ sắp đến hạn"), (tab.Badge.Count, tab.Badge.Severity, tab.Badge.Tooltip));
    }

    [Fact]
    public async Task ListTabs_UnitLeader_SeesLeaderTab_SortedByOrderThenTitle_OnlyInTheUnitOfTheRole()
    {
        await using var scenario = await TabsScenario.StartAsync();

        var inOwnUnit = await scenario.ListAsync("u-lanh-dao", "xa-tan-hung");
        var elsewhere = await scenario.ListAsync("u-lanh-dao", "xa-khac");

        // Both have order 5: "Báo cáo lãnh đạo" sorts before "Tổng quan đơn vị".
        Assert.Equal([Greeter + ".leader-report", Greeter + ".unit-overview"], inOwnUnit.Select(t => t.Id));
        Assert.Equal((2, BadgeSeverity.Critical), (inOwnUnit[0].Badge.Count, inOwnUnit[0].Badge.Severity));
        Assert.Equal([Greeter + ".unit-overview"], elsewhere.Select(t => t.Id));
    }

    [Fact]
    public async Task ListTabs_ProvinceTab_OnlyOnTheUnitScreenWhereTheRoleIsHeld_NeverOnDocuments()
    {
        await using var scenario = await TabsScenario.StartAsync();

        var atHomeAffairs = await scenario.ListAsync("u-tham-dinh", "so-noi-vu");
        var atCommune = await scenario.ListAsync("u-tham-dinh", "xa-tan-hung");
        var onDocument = await scenario.ListAsync("u-tham-dinh", "so-noi-vu", "vb-12");

        Assert.Equal([Greeter + ".unit-overview", Greeter + ".province-ranking"], atHomeAffairs.Select(t => t.Id));
        Assert.Equal([Greeter + ".unit-overview"], atCommune.Select(t => t.Id));
        Assert.Equal([Greeter + ".document-info"], onDocument.Select(t => t.Id));
    }

    [Fact]
    public async Task ListTabs_InactiveUser_NoTabs()
    {
        await using var scenario = await TabsScenario.StartAsync();

        Assert.Empty(await scenario.ListAsync("u-nghi-huu", "xa-tan-hung"));
    }

    [Fact]
    public async Task ListTabs_MissingUserAndUnit_InvalidArgumentNamingBothFields()
    {
        await using var scenario = await TabsScenario.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => scenario.Tabs.ListTabsAsync(new ListTabsRequest { Context = new TabContext() }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()!.GetDetail<BadRequest>()!;
        Assert.Equal(["context.user_id", "context.org_unit_id"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Contains("Thiếu mã người dùng", badRequest.FieldViolations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTabs_UserUnknownToHost_NotFound()
    {
        await using var scenario = await TabsScenario.StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => scenario.ListAsync("u-khong-co", "xa-tan-hung"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("u-khong-co", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTabs_AdminOrAnonymousCaller_Refused()
    {
        await using var scenario = await TabsScenario.StartAsync();
        var request = new ListTabsRequest { Context = Screen("u-an", "xa-tan-hung") };

        var asAdmin = await Assert.ThrowsAsync<RpcException>(() => new TabsService.TabsServiceClient(scenario.Host.AdminChannel).ListTabsAsync(request).ResponseAsync);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => new TabsService.TabsServiceClient(scenario.Host.ChannelWith(null)).ListTabsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, asAdmin.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task ListTabs_PluginDisabled_ItsTabsDisappear()
    {
        await using var scenario = await TabsScenario.StartAsync();

        await scenario.Host.Manager.DisableAsync(Greeter);

        Assert.Empty(await scenario.ListAsync("u-lanh-dao", "xa-tan-hung"));
    }

    [Fact]
    public async Task ListTabs_WithoutHost_ListsTabsNeedingNoRoleOnly()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");

        var tabs = (await new TabsService.TabsServiceClient(host.Channel).ListTabsAsync(new ListTabsRequest { Context = Screen("anyone", "xa-tan-hung") })).Tabs;

        Assert.Equal([Greeter + ".unit-overview"], tabs.Select(t => t.Id));
        // No PublicBaseUrl: the URL is on the address the host called.
        Assert.StartsWith("http://localhost/tabs/" + Greeter + "/unit-overview/?dvt=", tabs[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTabs_ThrowingBadgeProvider_TabListedWithoutBadge_OthersKeepTheirs()
    {
        await using var scenario = await TabsScenario.StartAsync();

        var tabs = await scenario.ListAsync("u-lanh-dao", "xa-loi");

        Assert.Equal([Greeter + ".leader-report", Greeter + ".unit-overview"], tabs.Select(t => t.Id));
        Assert.Null(tabs[0].Badge);
        Assert.Equal(3, tabs[1].Badge.Count);
    }

    [Fact]
    public async Task ListTabs_BadgeProviderNeverAnswers_TabListedWithoutBadgeAfterTheTimeout()
    {
        await using var scenario = await TabsScenario.StartAsync(fakeTime: false, configure: o => o.BadgeTimeout = TimeSpan.FromMilliseconds(200));

        var tabs = await scenario.ListAsync("u-lanh-dao", "xa-cham");

        Assert.Equal([Greeter + ".leader-report", Greeter + ".unit-overview"], tabs.Select(t => t.Id));
        Assert.Null(tabs[0].Badge);
        Assert.Equal(3, tabs[1].Badge.Count);
    }

    [Fact]
    public async Task RefreshTabToken_BeforeAndShortlyAfterExpiry_NewTokenForTheSamePage()
    {
        await using var scenario = await TabsScenario.StartAsync();
        var tab = (await scenario.ListAsync("u-an", "xa-tan-hung"))[0];

        scenario.Time!.Advance(TimeSpan.FromMinutes(40));
        var refreshed = await scenario.Tabs.RefreshTabTokenAsync(new RefreshTabTokenRequest { TabId = tab.Id, Context = Screen("u-an", "xa-tan-hung"), Token = tab.Token });

        Assert.NotEqual(tab.Token, refreshed.Token);
        Assert.Equal(Start.AddMinutes(50), refreshed.ExpireTime.ToDateTimeOffset());
        Assert.Equal($"https://dvcq.hungyen.gov.vn/plugins/tabs/{Greeter}/unit-overview/?dvt={refreshed.Token}", refreshed.Url);
    }

    [Fact]
    public async Task RefreshTabToken_ExpiredLongerThanGrace_FailedPrecondition()
    {
        await using var scenario = await TabsScenario.StartAsync();
        var tab = (await scenario.ListAsync("u-an", "xa-tan-hung"))[0];

        scenario.Time!.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<RpcException>(() => scenario.Tabs.RefreshTabTokenAsync(new RefreshTabTokenRequest { TabId = tab.Id, Context = Screen("u-an", "xa-tan-hung"), Token = tab.Token }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task RefreshTabToken_AnotherUser_PermissionDenied()
    {
        await using var scenario = await TabsScenario.StartAsync();
        var tab = (await scenario.ListAsync("u-an", "xa-tan-hung"))[0];

        var error = await Assert.ThrowsAsync<RpcException>(() => scenario.Tabs.RefreshTabTokenAsync(new RefreshTabTokenRequest { TabId = tab.Id, Context = Screen("u-lanh-dao", "xa-tan-hung"), Token = tab.Token }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task RefreshTabToken_ForgedOrFromAnotherRuntime_InvalidArgumentOnToken()
    {
        await using var scenario = await TabsScenario.StartAsync();
        await using var other = await TabsScenario.StartAsync();
        var foreign = (await other.ListAsync("u-an", "xa-tan-hung"))[0];

        var error = await Assert.ThrowsAsync<RpcException>(() => scenario.Tabs.RefreshTabTokenAsync(new RefreshTabTokenRequest { TabId = foreign.Id, Context = Screen("u-an", "xa-tan-hung"), Token = foreign.Token }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("token", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task RefreshTabToken_PluginDisabled_NotFound()
    {
        await using var scenario = await TabsScenario.StartAsync();
        var tab = (await scenario.ListAsync("u-an", "xa-tan-hung"))[0];

        await scenario.Host.Manager.DisableAsync(Greeter);
        var error = await Assert.ThrowsAsync<RpcException>(() => scenario.Tabs.RefreshTabTokenAsync(new RefreshTabTokenRequest { TabId = tab.Id, Context = Screen("u-an", "xa-tan-hung"), Token = tab.Token }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task RefreshTabToken_RoleRemoved_NotFound()
    {
        await using var scenario = await TabsScenario.StartAsync();
        var tab = (await scenario.ListAsync("u-lanh-dao", "xa-tan-hung"))[0];

        scenario.Directory.AddUser("u-lanh-dao", true, (Contracts.Host.V1.Role.CommuneOfficer, "xa-tan-hung"));
        var error = await Assert.ThrowsAsync<RpcException>(() => scenario.Tabs.RefreshTabTokenAsync(new RefreshTabTokenRequest { TabId = tab.Id, Context = Screen("u-lanh-dao", "xa-tan-hung"), Token = tab.Token }).ResponseAsync);

        Assert.Equal(Greeter + ".leader-report", tab.Id);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ListTabs_UserCachedBetweenRenders_UntilUserChangedEventOrExpiry()
    {
        await using var scenario = await TabsScenario.StartAsync();
        var events = new EventsService.EventsServiceClient(scenario.Host.Channel);

        await scenario.ListAsync("u-an", "xa-tan-hung");
        var second = await scenario.ListAsync("u-an", "xa-tan-hung");
        var callsWhileCached = scenario.Directory.GetUserCalls;
        scenario.Directory.AddUser("u-an", true, (Contracts.Host.V1.Role.UnitLeader, "xa-tan-hung"));
        await events.PublishEventAsync(new PublishEventRequest
        {
            Event = new Event { EventId = "ev-u-an", OccurredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Start), UserChanged = new UserChangedEvent { UserId = "u-an" } },
        });
        var afterEvent = await scenario.ListAsync("u-an", "xa-tan-hung");
        scenario.Time!.Advance(TimeSpan.FromSeconds(61));
        await scenario.ListAsync("u-an", "xa-tan-hung");

        Assert.Single(second);
        Assert.Equal(1, callsWhileCached);
        Assert.Equal([Greeter + ".leader-report", Greeter + ".unit-overview"], afterEvent.Select(t => t.Id));
        Assert.Equal(3, scenario.Directory.GetUserCalls);
    }
}
