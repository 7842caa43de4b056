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
    public async Task AFullReportSentOnTime_AcceptedAfterTheDeadline_IsCompletedOnTime_AndAStaleFormIsRefused()
    {
        await ConfirmAsync("8");
        var (id, version) = FirstForm(await UnitPageAsync());

        clock.Advance(TimeSpan.FromDays(13)); // 14/11
        var (status, sent) = await ReportAsync(id, version, 100, "Đã tổ chức hội nghị; 12/12 thôn triển khai.", FakeEoffice.ReportId + "\nhttps://tanhung.hungyen.gov.vn/tin/hoi-nghi");
        var (staleStatus, stale) = await ReportAsync(id, version, 100, "Gửi lại");
        clock.Advance(TimeSpan.FromDays(3)); // 17/11: after the due date
        var (managerStatus, progress) = await ProgressPageAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs);
        var (reportId, reportVersion) = ReviewForm(progress);
        var (acceptStatus, accepted) = await DecideAsync("tien-do/duyet", reportId, reportVersion, "chap-nhan", "");
        var unit = await UnitPageAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã gửi báo cáo tiến độ 100%; báo cáo đang chờ đơn vị giao việc duyệt.", sent, StringComparison.Ordinal);
        Assert.Contains("100% — <span class=\"tt-sap\">chờ duyệt</span>", sent, StringComparison.Ordinal);
        Assert.Contains("Văn bản: 45/BC-UBND: Kết quả thực hiện công tác dân vận chính quyền năm 2026", sent, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://tanhung.hungyen.gov.vn/tin/hoi-nghi\"", sent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, staleStatus);
        Assert.Contains("đã được người khác cập nhật", stale, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, managerStatus);
        Assert.Contains("1 báo cáo, đề nghị gia hạn đang chờ xử lý.", progress, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, acceptStatus);
        Assert.Contains("Đã chấp nhận báo cáo; lượt việc được ghi nhận hoàn thành.", accepted, StringComparison.Ordinal);
        Assert.Equal("hoàn thành đúng hạn", Statuses(unit).Last());
        Assert.Contains("<dt>Hoàn thành</dt><dd>14/11/2026</dd>", unit, StringComparison.Ordinal);
        Assert.Contains("100% — <span class=\"tt-thuong\">đã chấp nhận</span>", unit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReturnedReport_NeedsAReason_AndTheUnitSeesIt()
    {
        await ConfirmAsync("8");
        var (id, version) = FirstForm(await UnitPageAsync());
        await ReportAsync(id, version, 50, "Đang triển khai");
        var (reportId, reportVersion) = ReviewForm((await ProgressPageAsync(FakeUsers.ProvinceOfficer, FakeUsers.Province)).Html);

        var (bareStatus, bare) = await DecideAsync("tien-do/duyet", reportId, reportVersion, "tra-lai", " ", FakeUsers.ProvinceOfficer, FakeUsers.Province);
        var (byUnitStatus, byUnit) = await DecideAsync("tien-do/duyet", reportId, reportVersion, "chap-nhan", "", FakeEoffice.Officer, FakeEoffice.Commune);
        var (status, returned) = await DecideAsync("tien-do/duyet", reportId, reportVersion, "tra-lai", "Thiếu danh sách thôn", FakeUsers.ProvinceOfficer, FakeUsers.Province);
        var unit = await UnitPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, bareStatus);
        Assert.Contains("Hãy ghi lý do trả lại báo cáo", bare, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byUnitStatus);
        Assert.Contains("mới được duyệt báo cáo", byUnit, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"quyet-dinh\"", byUnit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã trả lại báo cáo cho đơn vị kèm lý do.", returned, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tt-qua\">bị trả lại</span> <span class=\"ly-do\">Lý do: Thiếu danh sách thôn</span>", unit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExtension_BadDateRefused_ThenApproved_MovesTheDueDate()
    {
        await ConfirmAsync("8");
        var (id, _) = FirstForm(await UnitPageAsync());

        var (badStatus, bad) = await ExtensionAsync(id, "31/02/2026", "Chờ số liệu");
        var (status, asked) = await ExtensionAsync(id, "30/11/2026", "Chờ số liệu của các thôn");
        var (extensionId, extensionVersion) = ExtensionForm((await ProgressPageAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs)).Html);
        var (approveStatus, approved) = await DecideAsync("tien-do/gia-han", extensionId, extensionVersion, "dong-y", "");
        clock.Advance(TimeSpan.FromDays(16)); // 17/11: late for the old date only
        var unit = await UnitPageAsync();

        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("Hạn mới “31/02/2026” không hợp lệ", bad, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã gửi đề nghị gia hạn đến 30/11/2026", asked, StringComparison.Ordinal);
        Assert.Contains("chờ xem xét", asked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, approveStatus);
        Assert.Contains("Đã đồng ý gia hạn đến 30/11/2026.", approved, StringComparison.Ordinal);
        Assert.Contains("30/11/2026 <span class=\"tc\">(đã gia hạn; hạn ban đầu 15/11/2026)</span>", unit, StringComparison.Ordinal);
        Assert.Equal(["chưa đến hạn", "chưa đến hạn"], Statuses(unit)); // without the extension 2026 would be "quá hạn"
    }

    [Fact]
    public async Task StaleVersion_IsRefusedWithAClearMessage_AndChangesNothing()
    {
        await ConfirmAsync("8");
        var (id, version) = FirstForm(await UnitPageAsync());

        var (status, html) = await ReportAsync(id, version + 1, 50, "Đang làm");

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("đã được người khác cập nhật", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Báo cáo đã gửi", html, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync("SELECT COUNT(*) FROM \"danvan_tasks__reports\""));
    }

    [Fact]
    public async Task TwoUnitsReport_AndTheManagerSeesBothOnTheDocumentsProgressPage()
    {
        await ConfirmAsync("8");
        var (tanHung, tanHungVersion) = FirstForm(await UnitPageAsync());
        var (phoHien, phoHienVersion) = FirstForm(await UnitPageAsync(FakeUsers.OtherCommune, FakeUsers.OtherCommuneOfficer));

        await ReportAsync(tanHung, tanHungVersion, 40, "Tân Hưng: đã quán triệt");
        await ReportAsync(phoHien, phoHienVersion, 70, "Phố Hiến: đã ban hành kế hoạch", user: FakeUsers.OtherCommuneOfficer, unit: FakeUsers.OtherCommune);
        var (_, manager) = await ProgressPageAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs);
        var (_, commune) = await ProgressPageAsync(FakeEoffice.Officer, FakeEoffice.Commune);

        Assert.Contains("2 báo cáo, đề nghị gia hạn đang chờ xử lý.", manager, StringComparison.Ordinal);
        Assert.Contains("Tân Hưng: đã quán triệt", manager, StringComparison.Ordinal);
        Assert.Contains("Phố Hiến: đã ban hành kế hoạch", manager, StringComparison.Ordinal);
        Assert.Contains("Sở Tài chính", manager, StringComparison.Ordinal);
        Assert.DoesNotContain("Phố Hiến", commune, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"quyet-dinh\"", commune, StringComparison.Ordinal);
        Assert.Contains("data-unit=\"xa-tan-hung\"", commune, StringComparison.Ordinal);
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
        var (status, html) = await ReportAsync(id, version, 100, "Báo cáo thay", user: FakeUsers.Appraiser);

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

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string tabId, string user, string unit, string? document, string path, params (string Name, string Value)[] fields)
    {
        using var client = host.CreatePageClient();
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await client.PostAsync(host.TabPagePath(tabId, user, unit, document, path), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<(HttpStatusCode Status, string Html)> ReportAsync(string id, long version, int percent, string text, string evidence = "", string user = FakeEoffice.Officer, string unit = FakeEoffice.Commune) =>
        PostAsync("unit-tasks", user, unit, null, "bao-cao", ("id", id), ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("phan-tram", percent.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("noi-dung", text), ("minh-chung", evidence));

    private Task<(HttpStatusCode Status, string Html)> ExtensionAsync(string id, string due, string reason) =>
        PostAsync("unit-tasks", FakeEoffice.Officer, FakeEoffice.Commune, null, "gia-han", ("id", id), ("han-moi", due), ("ly-do", reason));

    private Task<(HttpStatusCode Status, string Html)> DecideAsync(string path, string id, long version, string decision, string reason, string user = FakeUsers.Appraiser, string unit = FakeEoffice.HomeAffairs) =>
        PostAsync("document-tasks", user, unit, FakeEoffice.Seed001Id, path, ("id", id), ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("quyet-dinh", decision), ("ly-do", reason));

    private async Task<(HttpStatusCode Status, string Html)> ProgressPageAsync(string user, string unit)
    {
        using var response = await host.GetTabPageAsync("document-tasks", user, unit, FakeEoffice.Seed001Id, "tien-do");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static (string Id, long Version) ReviewForm(string html) => FormAfter(html, "tien-do/duyet");

    private static (string Id, long Version) ExtensionForm(string html) => FormAfter(html, "tien-do/gia-han");

    private static (string Id, long Version) FormAfter(string html, string action)
    {
        var at = html.IndexOf(action + "?dvt=", StringComparison.Ordinal);
        Assert.True(at >= 0, "no form posting to " + action);
        return FirstForm(html[at..]);
    }

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
