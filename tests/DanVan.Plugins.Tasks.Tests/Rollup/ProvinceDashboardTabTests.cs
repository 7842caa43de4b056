using System.Net;
using System.Text.RegularExpressions;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using DanVan.Plugins.Testing;
using Microsoft.Data.Sqlite;

namespace DanVan.Plugins.Tasks.Tests.Rollup;

/// <summary>
/// The unit tab "Tổng hợp" in the real runtime with the fake e-office: seed 001 confirmed (items 1 and
/// 8, for 2026 and 2027), statuses from a fake clock, who may see what, the filter form, drill-down,
/// bad filters.
/// </summary>
public sealed partial class ProvinceDashboardTabTests : IAsyncLifetime
{
    public const string Tab = "province-dashboard";

    // 01/11/2026 10:00 in Hà Nội.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "danvan-dashboard-tests-" + Guid.NewGuid().ToString("N"));
    private FakeEoffice eoffice = null!;
    private PluginTestHost host = null!;

    internal PluginTestHost Host => host;

    public async Task InitializeAsync()
    {
        eoffice = await FakeEoffice.StartAsync();
        host = await PluginTestHost.StartAsync(TasksPluginBuild.Directory, configure: o =>
        {
            eoffice.Configure(o);
            o.DataDirectory = dataDirectory;
        }, time: clock);
        await ConfirmAsync("1", "8");
        clock.Advance(TimeSpan.FromDays(15)); // 16/11/2026: the 2026 period is one day late
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await eoffice.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task HomeAffairs_SeesTheProvince_ThisYearByDefault_UnitsUnderTheProvince()
    {
        var (status, html) = await PageAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs);
        var (_, all) = await PageAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs, "?nam=");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Năm 2026; toàn tỉnh; số liệu tính đến ngày 16/11/2026.", html, StringComparison.Ordinal);
        var units = Rows(html, "theo-don-vi");
        Assert.Equal(["Ủy ban nhân dân tỉnh Hưng Yên", "6", "0", "0", "6", "0", "0", "0 %"], units[0]);
        Assert.Equal(["Tổng cộng", "6", "0", "0", "6", "0", "0", "0 %"], units[^1]);
        Assert.Equal(
            [("Sở Nội vụ tỉnh Hưng Yên", "1"), ("Sở Tài chính tỉnh Hưng Yên", "1"), ("Ủy ban nhân dân phường Phố Hiến", "2"), ("Ủy ban nhân dân xã Tân Hưng", "2")],
            units.Skip(1).SkipLast(1).Select(r => (r[0], r[1])).Order());
        Assert.Equal(["Tổng cộng", "12", "6", "0", "6", "0", "0", "0 %"], Rows(all, "theo-don-vi")[^1]);
        Assert.Equal(["2026", "2027"], Rows(all, "theo-ky").SkipLast(1).Select(r => r[0]));
        Assert.Single(Rows(html, "theo-van-ban").SkipLast(1));
    }

    [Fact]
    public async Task CompletingLate_CountsAsCompletedLate_AndRaisesTheRate()
    {
        // Tân Hưng reports 100 % on 16/11 (a day late) and Sở Nội vụ accepts: the assignment is completed late.
        using var unitPage = await host.GetTabPageAsync("unit-tasks", FakeUsers.CommuneOfficer, FakeEoffice.Commune);
        var (id, version) = FirstForm(await unitPage.Content.ReadAsStringAsync());
        var (sentStatus, _) = await PostAsync("unit-tasks", FakeUsers.CommuneOfficer, FakeEoffice.Commune, null, "bao-cao", ("id", id), ("version", version), ("phan-tram", "100"), ("noi-dung", "Đã hoàn thành"), ("minh-chung", ""));
        using var progress = await host.GetTabPageAsync("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, FakeEoffice.Seed001Id, "tien-do");
        var progressHtml = await progress.Content.ReadAsStringAsync();
        var (reportId, reportVersion) = FirstForm(progressHtml[progressHtml.IndexOf("tien-do/duyet?dvt=", StringComparison.Ordinal)..]);
        var (acceptStatus, _) = await PostAsync("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, FakeEoffice.Seed001Id, "tien-do/duyet", ("id", reportId), ("version", reportVersion), ("quyet-dinh", "chap-nhan"), ("ly-do", ""));

        var (_, html) = await PageAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs, "?nam=2026");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (sentStatus, acceptStatus));
        Assert.Equal(["Tổng cộng", "6", "0", "0", "5", "0", "1", "16,7 %"], Rows(html, "theo-don-vi")[^1]);
    }

    [Fact]
    public async Task AnOfficerOfACommune_IsRefusedClearly()
    {
        var (status, html) = await PageAsync(FakeUsers.CommuneOfficer, FakeEoffice.Commune);
        var (exportStatus, _) = await PageAsync(FakeUsers.CommuneOfficer, FakeEoffice.Commune, relativePath: "xuat-excel");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("dành cho Sở Nội vụ, Ban Tuyên giáo và Dân vận và lãnh đạo đơn vị", html, StringComparison.Ordinal);
        Assert.DoesNotContain("theo-don-vi", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, exportStatus);
    }

    [Fact]
    public async Task AUnitLeader_SeesTheirUnitOnly_AndCannotDrillIntoAnother()
    {
        var (status, html) = await PageAsync(FakeUsers.CommuneLeader, FakeEoffice.Commune);
        var (otherStatus, other) = await PageAsync(FakeUsers.CommuneLeader, FakeEoffice.Commune, "?don-vi=" + FakeEoffice.HomeAffairs);
        var (elsewhere, _) = await PageAsync(FakeUsers.CommuneLeader, FakeEoffice.HomeAffairs);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Ủy ban nhân dân xã Tân Hưng", "Tổng cộng"], Rows(html, "theo-don-vi").Select(r => r[0]));
        Assert.Equal(["Tổng cộng", "2", "0", "0", "2", "0", "0", "0 %"], Rows(html, "theo-don-vi")[^1]);
        Assert.Contains("đơn vị: Ủy ban nhân dân xã Tân Hưng và các đơn vị trực thuộc", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chi-tiet\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, otherStatus);
        Assert.Contains("không thuộc phạm vi đồng chí được xem", other, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere);
    }

    [Fact]
    public async Task TheFilterForm_CarriesTheToken_AndLinksDrillDownKeepingTheFilter()
    {
        var (_, html) = await PageAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs);

        Assert.Matches("<form class=\"loc\" method=\"get\" action=\"/tabs/danvan\\.tasks/province-dashboard/\"><input type=\"hidden\" name=\"dvt\" value=\"[^\"]+\">", html);
        Assert.Contains("<option value=\"qua-han\">quá hạn</option>", html, StringComparison.Ordinal);
        Assert.Matches("href=\"/tabs/danvan\\.tasks/province-dashboard/\\?nam=2026&amp;don-vi=xa-tan-hung&amp;dvt=", html);
        Assert.Matches("href=\"/tabs/danvan\\.tasks/province-dashboard/\\?nam=2026&amp;van-ban=vb-001-chi-thi-ubnd-tinh-2022&amp;dvt=", html);
        Assert.Matches("id=\"xuat-excel\" href=\"/tabs/danvan\\.tasks/province-dashboard/xuat-excel\\?nam=2026&amp;dvt=", html);
    }

    [Fact]
    public async Task DrillingDown_ToACommuneAndAStatus_ListsItsAssignments()
    {
        var (_, html) = await PageAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs, "?nam=&don-vi=xa-tan-hung&trang-thai=qua-han");

        Assert.Contains("Tất cả các năm; trạng thái: quá hạn; đơn vị: Ủy ban nhân dân xã Tân Hưng và các đơn vị trực thuộc", html, StringComparison.Ordinal);
        var detail = Rows(html, "chi-tiet", withTotal: false);
        Assert.Equal(2, detail.Count);
        Assert.All(detail, r => Assert.Equal(["Ủy ban nhân dân xã Tân Hưng", "2026", "15/11/2026", "quá hạn", ""], new[] { r[0], r[4], r[5], r[6], r[7] }));
        Assert.Equal(["1", "8"], detail.Select(r => r[2]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("?nam=hai-nghin", "Năm “hai-nghin” không hợp lệ")]
    [InlineData("?ky=2026-Q5", "Kỳ “2026-Q5” không hợp lệ")]
    [InlineData("?trang-thai=tre", "Trạng thái “tre” không hợp lệ")]
    public async Task BadFilters_AreRefusedWithTheFieldNamed(string query, string message)
    {
        var (status, html) = await PageAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs, query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    internal async Task<(HttpStatusCode Status, string Html)> PageAsync(string user, string unit, string query = "", string relativePath = "")
    {
        using var client = host.CreatePageClient();
        var path = host.TabPagePath(Tab, user, unit, relativePath: relativePath);
        using var response = await client.GetAsync(query.Length == 0 ? path : path.Replace("?", query + "&", StringComparison.Ordinal));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task ConfirmAsync(params string[] items)
    {
        using var client = host.CreatePageClient();
        using var form = new FormUrlEncodedContent(items.Select(i => new KeyValuePair<string, string>("muc", i)));
        using var response = await client.PostAsync(host.TabPagePath("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, FakeEoffice.Seed001Id, "xac-nhan"), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A table's rows as cell texts (tags stripped), the totals row last.</summary>
    private static List<string[]> Rows(string html, string tableId, bool withTotal = true)
    {
        var table = Regex.Match(html, "<table id=\"" + tableId + "\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        Assert.True(table.Success, "no table " + tableId);
        var rows = RowPattern().Matches(table.Groups[1].Value)
            .Select(m => CellPattern().Matches(m.Groups[1].Value).Select(c => System.Net.WebUtility.HtmlDecode(TagPattern().Replace(c.Groups[1].Value, string.Empty))).ToArray())
            .ToList();
        Assert.True(!withTotal || rows[^1][0] == "Tổng cộng");
        return rows;
    }

    private static (string Id, string Version) FirstForm(string html)
    {
        var match = Regex.Match(html, "name=\"id\" value=\"([0-9a-f-]+)\"><input type=\"hidden\" name=\"version\" value=\"(\\d+)\">");
        Assert.True(match.Success, "no form with an id and a version");
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string tab, string user, string unit, string? document, string path, params (string Name, string Value)[] fields)
    {
        using var client = host.CreatePageClient();
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await client.PostAsync(host.TabPagePath(tab, user, unit, document, path), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
