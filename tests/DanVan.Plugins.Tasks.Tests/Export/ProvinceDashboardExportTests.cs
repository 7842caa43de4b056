using System.Net;
using DanVan.Plugins.Tasks.Export;
using DanVan.Plugins.Tasks.Tests.Export;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Rollup;

/// <summary>GET xuat-excel under the dashboard tab, through the runtime: the file as a browser receives it, opened again.</summary>
public sealed partial class ProvinceDashboardTabTests
{
    [Fact]
    public async Task Export_IsAnXlsxWithAVietnameseFileName_AndTheRollUpInside()
    {
        using var client = Host.CreatePageClient();
        var path = Host.TabPagePath(Tab, FakeUsers.Appraiser, FakeEoffice.HomeAffairs, relativePath: "xuat-excel?nam=");
        using var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RollupWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Báo cáo tổng hợp nhiệm vụ 16-11-2026.xlsx", disposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''B%C3%A1o", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        var xlsx = new Xlsx(bytes);
        const string S = RollupWorkbook.SummarySheet;
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", xlsx[S, "A1"]);
        Assert.Equal("SỞ NỘI VỤ", xlsx[S, "A2"]);
        Assert.Equal("Hưng Yên, ngày 16 tháng 11 năm 2026", xlsx[S, "E3"]);
        Assert.Equal("(Tất cả các năm; toàn tỉnh; số liệu tính đến ngày 16/11/2026)", xlsx[S, "A6"]);
        Assert.Equal(["1", "Ủy ban nhân dân tỉnh Hưng Yên", "12", "6", "0", "6", "0", "0", "0"], xlsx.Row(S, 9));
        Assert.Equal(["", "Tổng cộng", "12", "6", "0", "6", "0", "0", "0"], xlsx.Row(S, 14));
        Assert.Equal(13, xlsx.RowCount(RollupWorkbook.DetailSheet));
        Assert.Equal(
            ["Ủy ban nhân dân xã Tân Hưng", "1", "2026", "15/11/2026", "quá hạn", ""],
            Enumerable.Range(2, 12).Select(r => xlsx.Row(RollupWorkbook.DetailSheet, r)).Where(r => r[1] == "Ủy ban nhân dân xã Tân Hưng" && r[3] == "1" && r[5] == "2026")
                .Select(r => new[] { r[1], r[3], r[5], r[6], r[7], r[8] }).Single());
    }

    [Fact]
    public async Task Export_ForAUnitLeader_CoversTheirUnitOnly()
    {
        using var client = Host.CreatePageClient();
        using var response = await client.GetAsync(Host.TabPagePath(Tab, FakeUsers.CommuneLeader, FakeEoffice.Commune, relativePath: "xuat-excel?nam=2026"));

        var xlsx = new Xlsx(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", xlsx[RollupWorkbook.SummarySheet, "A1"]);
        Assert.Equal("UBND XÃ TÂN HƯNG", xlsx[RollupWorkbook.SummarySheet, "A2"]);
        Assert.Equal(["1", "Ủy ban nhân dân xã Tân Hưng", "2", "0", "0", "2", "0", "0", "0"], xlsx.Row(RollupWorkbook.SummarySheet, 9));
        Assert.Equal(3, xlsx.RowCount(RollupWorkbook.DetailSheet));
    }
}
