using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

/// <summary>Seed 003: CÔNG VĂN of UBND huyện Tháp Mười, "Số: /UBND-NV", bold items with "- " sub-items.</summary>
public sealed class Seed003Tests
{
    private readonly DirectiveDraft draft = Fixtures.Extract(Fixtures.Seed(Fixtures.Seed003));

    [Fact]
    public void BoldItems_OneToFour_WithFiveDashSubItemsUnderTwo()
    {
        Assert.Equal(["1", "2", "3", "4"], draft.Items.Select(i => i.Number));
        Assert.All(draft.Items, i => Assert.Equal("" + i.Number + ".", i.Label));
        Assert.Equal(["2.1", "2.2", "2.3", "2.4", "2.5"], draft.Items[1].Children.Select(c => c.Path));
        Assert.All(draft.Items[1].Children, c => Assert.Equal(DraftItemKind.Dash, c.Kind));
        Assert.All(draft.Items[1].Children, c => Assert.Equal(1, c.Level));
        Assert.Equal(9, draft.AllItems().Count());
        // The item's own text stops before its sub-items, and carries no markdown.
        Assert.EndsWith("trong tình hình mới, cụ thể:", draft.Items[1].Text.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("**", string.Concat(draft.AllItems().Select(i => i.Text.Value)), StringComparison.Ordinal);
        Assert.Contains("thi đua “Dân vận khéo” trên các lĩnh vực kinh tế", draft.Items[1].Children[1].Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Item4_YearlyBefore20October_ToUbndHuyen_ViaPhongNoiVu()
    {
        var item4 = draft.Items[3];
        var due = Assert.Single(item4.Deadlines);
        Assert.Equal(DueRule.Yearly(20, 10), due.Value);
        Assert.Equal("trước ngày 20 tháng 10", due.Span.Of(draft.Text));
        var report = Assert.Single(item4.Reports);
        Assert.Equal("Ủy ban nhân dân huyện", report.ReportTo!.Value.Name);
        Assert.Equal("Phòng Nội vụ huyện", report.Via!.Value.Name);
        Assert.Equal("Phòng Nội vụ huyện", report.Via.Span.Of(draft.Text));
        Assert.Null(report.Upstream);
        Assert.Equal("các cơ quan, đơn vị", Assert.Single(item4.Assignees).Value.Name);
    }

    [Fact]
    public void Item3_NamesBothUnitGroups()
    {
        Assert.Equal(["Các cơ quan chuyên môn, đơn vị sự nghiệp", "Ủy ban các xã, thị trấn"], draft.Items[2].Assignees.Select(a => a.Value.Name));
        Assert.Equal([UnitGroup.SpecialisedAgencies, UnitGroup.CommunePeoplesCommittees], draft.Items[2].Assignees.Select(a => a.Value.Group));
    }

    [Fact]
    public void BlankNumber_IsKept_AndReported()
    {
        var number = draft.Metadata.Number!;
        Assert.True(number.Value.IsBlank);
        Assert.Null(number.Value.Number);
        Assert.Equal("UBND-NV", number.Value.Notation);
        Assert.Equal("Số: /UBND-NV", number.Span.Of(draft.Text));
        Assert.Contains(draft.Messages, m => m.Code == DraftMessageCode.NumberBlank);
    }

    [Fact]
    public void Metadata_IssuerDateWithBlankDay_Subject()
    {
        var m = draft.Metadata;
        Assert.Equal(DocumentKind.OfficialLetter, m.Kind!.Value);
        Assert.Equal("ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI", m.Issuer!.Value);
        Assert.Equal(new DocumentDate(2023, 11, null), m.IssueDate!.Value);
        Assert.Equal("Tháp Mười", m.Place!.Value);
        Assert.StartsWith("tiếp tục triển khai thực hiện Chỉ thị số 33/CT-TTg", m.Subject!.Value, StringComparison.Ordinal);
        Assert.Contains(draft.Messages, msg => msg.Code == DraftMessageCode.IssueDayBlank);
    }

    [Fact]
    public void KinhGui_OpeningAndNoiNhan()
    {
        var kinhGui = draft.Recipients.Where(r => r.Source == RecipientSource.KinhGui).ToList();
        Assert.Equal(["Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND huyện", "Ủy ban nhân dân các xã, thị trấn"], kinhGui.Select(r => r.Unit.Value.Name));
        Assert.All(kinhGui, r => Assert.Equal(RecipientPurpose.Action, r.Purpose.Value));

        Assert.Equal(["các cơ quan chuyên môn, đơn vị sự nghiệp thuộc Ủy ban nhân dân huyện", "Ủy ban nhân dân các xã, thị trấn"],
            draft.Addressees.Where(a => a.Source == RecipientSource.OpeningSentence).Select(a => a.Unit.Value.Name));

        var noiNhan = draft.Recipients.Where(r => r.Source == RecipientSource.NoiNhan).ToList();
        Assert.Equal(RecipientPurpose.AsAbove, noiNhan[0].Purpose.Value);
        Assert.Equal(["Như trên", "TT.HU", "TT.HĐND huyện", "CT, các PCT.UBND huyện", "UBMTTQVN và các tổ chức chính trị - xã hội huyện", "Ban Dân vận Huyện ủy", "LĐVP", "Lưu: VT, NCVN"],
            noiNhan.Select(r => r.Unit.Value.Name));
        Assert.Equal(RecipientPurpose.Archive, noiNhan[^1].Purpose.Value);
        Assert.StartsWith("Yêu cầu Thủ trưởng các cơ quan", draft.Closing!.Text.Value, StringComparison.Ordinal);
        var closing = Assert.Single(draft.Addressees, a => a.Source == RecipientSource.Closing);
        Assert.Equal("các cơ quan, đơn vị", closing.Unit.Value.Name);
    }
}
