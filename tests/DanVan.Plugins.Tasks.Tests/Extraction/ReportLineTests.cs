using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

/// <summary>The ways a directive says where a report goes, through whom, and who reads it next.</summary>
public sealed class ReportLineTests
{
    private static ReportLine Report(string sentence)
    {
        var draft = Fixtures.Extract($"Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện các nội dung sau:\n\n1. {sentence}\n");
        return Assert.Single(draft.Items[0].Reports);
    }

    [Theory]
    [InlineData("Các sở báo cáo kết quả qua Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 15/11.", "UBND tỉnh", "Sở Nội vụ", null)]
    [InlineData("Các sở báo cáo UBND tỉnh (qua Sở Nội vụ tổng hợp) trước ngày 15/11 để báo cáo Bộ Nội vụ.", "UBND tỉnh", "Sở Nội vụ", "Bộ Nội vụ")]
    [InlineData("Các xã gửi báo cáo về Phòng Nội vụ trước ngày 15/11.", "Phòng Nội vụ", null, null)]
    [InlineData("Các xã gửi về Phòng Nội vụ huyện trước ngày 15/11.", "Phòng Nội vụ huyện", null, null)]
    [InlineData("Sở Nội vụ tổng hợp, báo cáo Chủ tịch UBND tỉnh trước ngày 15/11.", "UBND tỉnh", null, null)]
    [InlineData("Sở Nội vụ tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh, Bộ Nội vụ theo quy định.", "Ủy ban nhân dân tỉnh", null, null)]
    [InlineData("Uy ban nhan dan cac xa bao cao UBND tinh (qua So Noi vu) truoc ngay 15/11.", "UBND tinh", "So Noi vu", null)]
    public void ReportTo_Via_Upstream(string sentence, string reportTo, string? via, string? upstream)
    {
        var report = Report(sentence);

        Assert.Equal(reportTo, report.ReportTo?.Value.Name);
        Assert.Equal(via, report.Via?.Value.Name);
        Assert.Equal(upstream, report.Upstream?.Value.Name);
        Assert.Equal(DueRule.OneOff(15, 11, null), report.Due?.Value ?? DueRule.OneOff(15, 11, null));
    }

    [Fact]
    public void ReportSpan_CoversFromTheVerbToTheDeadline()
    {
        var draft = Fixtures.Extract("Yêu cầu các sở thực hiện các nội dung sau:\n\n1. Các sở báo cáo UBND tỉnh (qua Sở Nội vụ) trước ngày 15/11/2024.\n");
        var report = draft.Items[0].Reports.Single();

        Assert.Equal("báo cáo UBND tỉnh (qua Sở Nội vụ) trước ngày 15/11/2024", report.Span.Of(draft.Text));
    }

    [Fact]
    public void ReportWithoutAUnit_IsNoReportLine()
    {
        var draft = Fixtures.Extract("Yêu cầu các sở thực hiện các nội dung sau:\n\n1. Các sở tổng hợp, báo cáo theo quy định.\n");

        Assert.Empty(draft.Items[0].Reports);
    }
}
