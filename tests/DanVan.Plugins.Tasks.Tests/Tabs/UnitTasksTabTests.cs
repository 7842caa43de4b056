using System.Net;
using System.Text.RegularExpressions;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using DanVan.Plugins.Testing;
using Microsoft.Data.Sqlite;

namespace DanVan.Plugins.Tasks.Tests.Tabs;

/// <summary>
/// Confirming seed 001 into tasks and assignments (SQLite through the runtime's storage), and the unit
/// tab "Việc của đơn vị" with statuses from a fake clock: before, near and after 15/11/2026.
/// </summary>
public sealed partial class UnitTasksTabTests : IAsyncLifetime
{
    // 01/11/2026 10:00 in Hà Nội.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "danvan-tasks-tests-" + Guid.NewGuid().ToString("N"));
    private FakeEoffice eoffice = null!;
    private PluginTestHost host = null!;

    public async Task InitializeAsync()
    {
        eoffice = await FakeEoffice.StartAsync();
        host = await PluginTestHost.StartAsync(TasksPluginBuild.Directory, configure: o =>
        {
            eoffice.Configure(o);
            o.DataDirectory = dataDirectory;
        }, time: clock);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await eoffice.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Confirm_CreatesTasksAndAssignmentsOnce_AuditedWithTheOfficer()
    {
        var first = await ConfirmAsync("1", "2", "3", "4", "5", "6", "7", "8");
        var second = await ConfirmAsync("1", "8");
        using var review = await host.GetTabPageAsync("document-tasks", FakeEoffice.Officer, FakeEoffice.Commune, FakeEoffice.Seed001Id);
        var reviewHtml = await review.Content.ReadAsStringAsync();

        // 8 tasks, for 2026 and 2027: items 1 and 7 ("chính quyền các cấp", "UBND các cấp") for the two communes,
        // items 2–6 (the opening's addressees) and 8 also for the two departments: (2·2 + 6·4)·2 = 56.
        Assert.Contains("Đã tạo 8 nhiệm vụ và 56 lượt giao việc", first, StringComparison.Ordinal);
        Assert.Contains("Không tạo thêm nhiệm vụ nào.", second, StringComparison.Ordinal);
        Assert.Contains("Mục 1, 8 đã được tạo nhiệm vụ trước đó nên không tạo lại.", second, StringComparison.Ordinal);
        Assert.Contains("Đã tạo nhiệm vụ cho 8 mục của văn bản này", reviewHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(" checked>", reviewHtml, StringComparison.Ordinal);
        Assert.Equal(8, await ScalarAsync("SELECT COUNT(*) FROM \"danvan_tasks__tasks\""));
        Assert.Equal(56, await ScalarAsync("SELECT COUNT(*) FROM \"danvan_tasks__assignments\""));
        Assert.Equal(8, await ScalarAsync("SELECT COUNT(*) FROM \"danvan_tasks__tasks\" WHERE issuer_unit_id = 'ubnd-tinh-hung-yen'"));
        Assert.Equal(64, await ScalarAsync($"SELECT COUNT(*) FROM danvan_audit WHERE plugin_id = 'danvan.tasks' AND action = 'insert' AND actor_user_id = '{FakeUsers.Appraiser}' AND actor_unit_id = '{FakeEoffice.HomeAffairs}'"));
    }

    [Fact]
    public async Task UnitTab_StatusFollowsTheClock_AndTheBadgeWarnsThenAlarms()
    {
        await ConfirmAsync("1", "8");

        var before = await UnitPageAsync();
        var beforeBadge = await UnitBadgeAsync();
        clock.Advance(TimeSpan.FromDays(9)); // 10/11: five days left
        var near = await UnitPageAsync();
        var nearBadge = await UnitBadgeAsync();
        clock.Advance(TimeSpan.FromDays(6)); // 16/11: one day late
        var late = await UnitPageAsync();
        var lateBadge = await UnitBadgeAsync();

        Assert.Equal(["chưa đến hạn", "chưa đến hạn", "chưa đến hạn", "chưa đến hạn"], Statuses(before));
        Assert.Null(beforeBadge);
        Assert.Equal(["trong hạn", "trong hạn", "chưa đến hạn", "chưa đến hạn"], Statuses(near));
        Assert.Equal((2, BadgeSeverity.Warning, "2 việc sắp đến hạn"), (nearBadge!.Count, nearBadge.Severity, nearBadge.Tooltip));
        Assert.Equal(["quá hạn", "quá hạn", "chưa đến hạn", "chưa đến hạn"], Statuses(late));
        Assert.Equal((2, BadgeSeverity.Critical, "2 việc quá hạn"), (lateBadge!.Count, lateBadge.Severity, lateBadge.Tooltip));
        Assert.Contains("<dt>Hạn</dt><dd>15/11/2026</dd>", late, StringComparison.Ordinal);
        Assert.Contains("<dt>Hạn</dt><dd>15/11/2027</dd>", late, StringComparison.Ordinal);
        Assert.Contains("<dt>Căn cứ</dt><dd>Chỉ thị số 05/CT-UBND ngày 21/02/2022, mục 8</dd>", late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportingComplete_OnTimeOrLate_AndAStaleFormIsRefused()
    {
        await ConfirmAsync("8");
        var page = await UnitPageAsync();
        var (id, version) = FirstForm(page);

        clock.Advance(TimeSpan.FromDays(16)); // 17/11: after the 2026 due date
        var (status, done) = await CompleteAsync(id, version);
        var (staleStatus, stale) = await CompleteAsync(id, version);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã ghi nhận hoàn thành.", done, StringComparison.Ordinal);
        Assert.Contains("hoàn thành quá hạn", done, StringComparison.Ordinal);
        Assert.Contains("<dt>Hoàn thành</dt><dd>17/11/2026</dd>", done, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, staleStatus);
        Assert.Contains("đã hoàn thành trước đó", stale, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleVersion_IsRefusedWithAClearMessage_AndChangesNothing()
    {
        await ConfirmAsync("8");
        var (id, version) = FirstForm(await UnitPageAsync());

        var (status, html) = await CompleteAsync(id, version + 1);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("đã được người khác cập nhật", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hoàn thành", Statuses(html).First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUnit_SeesOnlyItsOwnAssignments()
    {
        await ConfirmAsync("8");

        var department = await UnitPageAsync(FakeEoffice.HomeAffairs, FakeUsers.Appraiser);
        var phoHien = await UnitPageAsync(FakeUsers.OtherCommune, FakeUsers.OtherCommuneOfficer);
        var other = await UnitPageAsync("ubnd-xa-xuan-truong", FakeUsers.Appraiser);

        Assert.Equal(2, Statuses(department).Count);
        Assert.Equal(2, Statuses(phoHien).Count);
        Assert.Contains("Đơn vị chưa được giao nhiệm vụ nào.", other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeUsers.CommuneOfficer, FakeUsers.OtherCommune)]
    [InlineData(FakeUsers.OtherCommuneOfficer, FakeEoffice.Commune)]
    [InlineData(FakeUsers.Unknown, FakeEoffice.Commune)]
    [InlineData(FakeUsers.Retired, FakeEoffice.Commune)]
    public async Task AnOfficerOfAnotherUnit_IsRefusedTheUnitsPage_AndGetsNoBadge(string user, string unit)
    {
        await ConfirmAsync("8");
        clock.Advance(TimeSpan.FromDays(16));

        using var response = await host.GetTabPageAsync("unit-tasks", user, unit);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Bạn không có quyền xem việc của đơn vị này", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chỉ thị số 05/CT-UBND", html, StringComparison.Ordinal);
        if (user != FakeUsers.Unknown)
        {
            // (The runtime itself refuses to list tabs for a user the e-office does not know.)
            Assert.Null(await UnitBadgeAsync(user, unit));
        }
    }

    [Fact]
    public async Task AProvinceReader_SeesTheUnit_ButCannotReportForIt()
    {
        await ConfirmAsync("8");
        var (id, version) = FirstForm(await UnitPageAsync());

        var asAppraiser = await UnitPageAsync(FakeEoffice.Commune, FakeUsers.Appraiser);
        var (status, html) = await CompleteAsync(id, version.ToString(System.Globalization.CultureInfo.InvariantCulture), FakeUsers.Appraiser);

        Assert.Equal(2, Statuses(asAppraiser).Count);
        Assert.DoesNotContain("<form", asAppraiser, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Bạn chỉ được xem, không được báo cáo thay đơn vị này", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hoàn thành", Statuses(html).First(), StringComparison.Ordinal);
    }

    private async Task<string> ConfirmAsync(params string[] items)
    {
        using var client = host.CreatePageClient();
        using var form = new FormUrlEncodedContent(items.Select(i => new KeyValuePair<string, string>("muc", i)));
        using var response = await client.PostAsync(host.TabPagePath("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, FakeEoffice.Seed001Id, "xac-nhan"), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<string> UnitPageAsync(string unit = FakeEoffice.Commune, string user = FakeEoffice.Officer)
    {
        using var response = await host.GetTabPageAsync("unit-tasks", user, unit);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<TabBadge?> UnitBadgeAsync(string user = FakeEoffice.Officer, string unit = FakeEoffice.Commune)
    {
        var response = await new TabsService.TabsServiceClient(host.Channel).ListTabsAsync(new ListTabsRequest { Context = new TabContext { UserId = user, OrgUnitId = unit } });
        // The runtime lists no tabs at all for an unknown or inactive user.
        return response.Tabs.SingleOrDefault(t => t.Id == "danvan.tasks.unit-tasks")?.Badge;
    }

    private async Task<(HttpStatusCode Status, string Html)> CompleteAsync(string id, string version, string user = FakeEoffice.Officer)
    {
        using var client = host.CreatePageClient();
        using var form = new FormUrlEncodedContent([new("id", id), new("version", version)]);
        using var response = await client.PostAsync(host.TabPagePath("unit-tasks", user, FakeEoffice.Commune, relativePath: "hoan-thanh"), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<(HttpStatusCode Status, string Html)> CompleteAsync(string id, long version) => CompleteAsync(id, version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "danvan.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Statuses(string html) => [.. StatusSpans().Matches(html).Select(m => m.Groups[1].Value)];

    private static (string Id, long Version) FirstForm(string html)
    {
        var match = CompleteForm().Match(html);
        Assert.True(match.Success, "no completion form on the page");
        return (match.Groups[1].Value, long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<h2 class=\"tt\"><span class=\"tt-[a-z]+\">([^<]+)</span>")]
    private static partial Regex StatusSpans();

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]+)\"><input type=\"hidden\" name=\"version\" value=\"(\\d+)\">")]
    private static partial Regex CompleteForm();
}
