using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

/// <summary>The "TỔ CHỨC THỰC HIỆN" part of a kế hoạch: one item per unit, its duties as bullets.</summary>
public sealed class ResponsibilityListTests
{
    private const string Plan = """
        KẾ HOẠCH
        Tổ chức Hội nghị đối thoại năm 2025

        I. TỔ CHỨC THỰC HIỆN

        1. Sở Nội vụ:
        - Chủ trì, phối hợp với Văn phòng UBND tỉnh chuẩn bị nội dung hội nghị;
        - Tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 30/6/2025.

        2. Ủy ban nhân dân các xã, phường:
        - Tổ chức đối thoại với Nhân dân hằng quý.

        3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp giám sát.
        """;

    [Fact]
    public void UnitHeadingTheDuties_IsTheItemsAssignee_AndBulletsKeepTheirOwnFacts()
    {
        var draft = Fixtures.Extract(Plan);
        var section = Assert.Single(draft.Items);
        var first = section.Children[0];

        Assert.Equal("Sở Nội vụ", Assert.Single(first.Assignees).Value.Name);
        Assert.Equal(["I.1.1", "I.1.2"], first.Children.Select(c => c.Path));
        Assert.Null(first.Children[0].Lead); // "Chủ trì" without a subject: the parent's unit leads
        Assert.Equal("Văn phòng UBND tỉnh", first.Children[0].Cooperating.Single().Value.Name);
        Assert.Equal(DueRule.OneOff(30, 6, 2025), first.Children[1].Deadlines.Single().Value);
        Assert.Equal("UBND tỉnh", first.Children[1].Reports.Single().ReportTo!.Value.Name);

        var second = section.Children[1];
        Assert.Equal(UnitGroup.CommunePeoplesCommittees, Assert.Single(second.Assignees).Value.Group);
        Assert.Equal(DueRule.Quarterly(), second.Children.Single().Deadlines.Single().Value);
        Assert.Empty(section.Children[2].Assignees);
    }
}
