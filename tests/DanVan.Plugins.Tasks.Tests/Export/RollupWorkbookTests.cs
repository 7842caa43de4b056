using DanVan.Plugins.Tasks.Export;
using DanVan.Plugins.Tasks.Rollup;
using DanVan.Plugins.Tasks.Tests.Rollup;

namespace DanVan.Plugins.Tasks.Tests.Export;

/// <summary>The exported workbook, opened again with DocumentFormat.OpenXml: heading block, title, filter, the unit table and totals, the detail sheet.</summary>
public sealed class RollupWorkbookTests : IAsyncLifetime
{
    private RollupDatabase db = null!;

    public async Task InitializeAsync() => db = await RollupDatabase.CreateAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Summary_HasTheHeadingBlock_TheTitle_TheFilter_OneRowPerUnit_AndTotals()
    {
        var xlsx = await ExportAsync(RollupFilter.All, "Tất cả nhiệm vụ; số liệu tính đến ngày 21/11/2026");

        Assert.Equal([RollupWorkbook.SummarySheet, RollupWorkbook.DetailSheet], xlsx.SheetNames);
        const string S = RollupWorkbook.SummarySheet;
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", xlsx[S, "A1"]);
        Assert.Equal("SỞ NỘI VỤ", xlsx[S, "A2"]);
        Assert.Equal("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", xlsx[S, "E1"]);
        Assert.Equal("Độc lập - Tự do - Hạnh phúc", xlsx[S, "E2"]);
        Assert.Equal("Hưng Yên, ngày 21 tháng 11 năm 2026", xlsx[S, "E3"]);
        Assert.Equal("BÁO CÁO TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", xlsx[S, "A5"]);
        Assert.Equal("(Tất cả nhiệm vụ; số liệu tính đến ngày 21/11/2026)", xlsx[S, "A6"]);
        Assert.Contains("A5:I5", xlsx.Merges[S]);
        Assert.Equal(RollupWorkbook.SummaryHeaders, xlsx.Row(S, 8));
        Assert.Equal(["1", "Ủy ban nhân dân tỉnh Hưng Yên", "7", "2", "1", "1", "2", "1", "0.4286"], xlsx.Row(S, 9));
        Assert.Equal(["1.1", "Sở Nội vụ tỉnh Hưng Yên", "2", "1", "1", "0", "0", "0", "0"], xlsx.Row(S, 10));
        Assert.Equal(["1.2", "Ủy ban nhân dân xã Tân Hưng", "3", "1", "0", "1", "0", "1", "0.3333"], xlsx.Row(S, 11));
        Assert.Equal(["1.3", "Ủy ban nhân dân phường Phố Hiến", "2", "0", "0", "0", "2", "0", "1"], xlsx.Row(S, 12));
        Assert.Equal(["2", "UBND xã Lạ", "1", "1", "0", "0", "0", "0", "0"], xlsx.Row(S, 13));
        Assert.Equal(["", "Tổng cộng", "8", "3", "1", "1", "2", "1", "0.375"], xlsx.Row(S, 14));
    }

    [Fact]
    public async Task Detail_HasOneRowPerAssignment_WithDatesAsOfficersWriteThem()
    {
        var xlsx = await ExportAsync(new RollupFilter(UnitId: RollupDatabase.TanHung), "Đơn vị: Ủy ban nhân dân xã Tân Hưng");

        const string D = RollupWorkbook.DetailSheet;
        Assert.Equal(RollupWorkbook.DetailHeaders, xlsx.Row(D, 1));
        Assert.Equal(4, xlsx.RowCount(D));
        var rows = Enumerable.Range(2, 3).Select(r => xlsx.Row(D, r)).ToList();
        Assert.Equal(["1", "2", "3"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("Ủy ban nhân dân xã Tân Hưng", r[1]));
        Assert.All(rows, r => Assert.Equal(["Chỉ thị số 05/CT-UBND ngày 21/02/2022", "1", "Nhiệm vụ 1 của 05/CT-UBND"], r.Skip(2).Take(3)));
        Assert.Contains(rows, r => r.Skip(5).SequenceEqual(["2025", "15/11/2025", "hoàn thành quá hạn", "16/11/2025"]));
        Assert.Contains(rows, r => r.Skip(5).SequenceEqual(["2026", "15/11/2026", "quá hạn", ""]));
        Assert.Contains(rows, r => r.Skip(5).SequenceEqual(["2027", "15/11/2027", "chưa đến hạn", ""]));
        Assert.Equal(["1", "Ủy ban nhân dân xã Tân Hưng", "3", "1", "0", "1", "0", "1", "0.3333"], xlsx.Row(RollupWorkbook.SummarySheet, 9));
    }

    [Fact]
    public async Task ATruncatedDetail_SaysSo()
    {
        var result = await db.Rollup.RollUpAsync(RollupFilter.All, default);
        var (rows, _) = await db.Rollup.DetailAsync(RollupFilter.All, 2, default);
        using var stream = new MemoryStream();
        RollupWorkbook.Write(stream, Heading(), "Tất cả", result, rows, truncated: true);

        var xlsx = new Xlsx(stream.ToArray());

        Assert.Equal(5, xlsx.RowCount(RollupWorkbook.DetailSheet));
        Assert.StartsWith("Danh sách chỉ gồm 2 lượt việc đầu tiên", xlsx[RollupWorkbook.DetailSheet, "B5"], StringComparison.Ordinal);
    }

    [Fact]
    public void NestedLines_AreNumberedAsOfficersNumberThem()
    {
        var c = new StatusCounts();
        UnitLine L(string id, int depth) => new(id, id, depth, false, c);

        var numbers = RollupWorkbook.Numbered([L("a", 0), L("b", 1), L("c", 2), L("d", 1), L("e", 0), L("f", 1)]).Select(x => x.Number);

        Assert.Equal(["1", "1.1", "1.1.1", "1.2", "2", "2.1"], numbers);
    }

    private async Task<Xlsx> ExportAsync(RollupFilter filter, string filterText)
    {
        var result = await db.Rollup.RollUpAsync(filter, default);
        var (rows, truncated) = await db.Rollup.DetailAsync(filter, 100, default);
        using var stream = new MemoryStream();
        RollupWorkbook.Write(stream, Heading(), filterText, result, rows, truncated);
        return new Xlsx(stream.ToArray());
    }

    private static ReportHeading Heading() => new("Ủy ban nhân dân tỉnh Hưng Yên", "Sở Nội vụ", "Hưng Yên", new DateOnly(2026, 11, 21));
}
