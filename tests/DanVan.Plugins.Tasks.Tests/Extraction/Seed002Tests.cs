using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

/// <summary>Seed 002: CHỈ THỊ of Ban Thường vụ Huyện ủy, items 1.–7., "chủ trì, phối hợp", periodic report.</summary>
public sealed class Seed002Tests
{
    private readonly DirectiveDraft draft = Fixtures.Extract(Fixtures.Seed(Fixtures.Seed002));

    [Fact]
    public void Items_AreOneToSeven()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], draft.Items.Select(i => i.Number));
        Assert.All(draft.Items, i => Assert.Empty(i.Children));
        // Item 1 is broken over two paragraphs ("cán bộ, đảng\n\nviên").
        Assert.Contains("cán bộ, đảng viên. Đổi mới hình thức", draft.Items[0].Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Item7_LeadAndCooperatingUnits()
    {
        var item7 = draft.Items[6];
        Assert.Equal("Ban Dân vận Huyện ủy", item7.Lead!.Value.Name);
        Assert.Equal("Ban Dân vận Huyện ủy", item7.Lead.Span.Of(draft.Text));
        Assert.Equal(UnitGroup.None, item7.Lead.Value.Group);
        Assert.Equal(["Văn phòng Huyện ủy", "các cơ quan liên quan"], item7.Cooperating.Select(c => c.Value.Name));
        Assert.Equal(UnitGroup.RelatedAgencies, item7.Cooperating[1].Value.Group);
        Assert.Empty(item7.Assignees);
    }

    [Fact]
    public void Item7_PeriodicReport_WithNoDate_ToBanThuongVu()
    {
        var item7 = draft.Items[6];
        var due = Assert.Single(item7.Deadlines);
        Assert.Equal(DueRule.Periodic(), due.Value);
        Assert.Equal("định kỳ", due.Span.Of(draft.Text));
        var report = Assert.Single(item7.Reports);
        Assert.Equal("Ban Thường vụ Huyện ủy", report.ReportTo!.Value.Name);
        Assert.Null(report.Via);
        Assert.Equal(DueRule.Periodic(), report.Due!.Value);
    }

    [Fact]
    public void SubjectUnits_OfItems3And5()
    {
        Assert.Equal(["Ủy ban Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội từ huyện tới cơ sở"], draft.Items[2].Assignees.Select(a => a.Value.Name));
        Assert.Equal(UnitGroup.MassOrganizations, draft.Items[2].Assignees[1].Value.Group);
        Assert.Equal("Chính quyền các cấp", Assert.Single(draft.Items[4].Assignees).Value.Name);
        Assert.Empty(draft.Items[5].Assignees);
    }

    [Fact]
    public void NoiNhan_NotesForBracketAndTrailingLine()
    {
        var byName = draft.Recipients.ToDictionary(r => r.Unit.Value.Name, r => r.Purpose);
        Assert.Equal(RecipientPurpose.Report, byName["Ban Thường vụ Tỉnh ủy"].Value);
        Assert.Equal("(để báo cáo)", byName["Ban Thường vụ Tỉnh ủy"].Span.Of(draft.Text));
        Assert.Equal(RecipientPurpose.Report, byName["Ban Dân vận Tỉnh ủy"].Value);
        foreach (var name in new[] { "TT Huyện ủy - HĐND - UBND huyện", "Các đ/c Ủy viên BCH Đảng bộ huyện", "Các đảng bộ, chi bộ trực thuộc", "Các cơ quan, ban ngành, đoàn thể huyện", "Đảng ủy- HĐND- UBND các xã, thị trấn" })
        {
            Assert.Equal(RecipientPurpose.Action, byName[name].Value);
            Assert.Equal("(để t/h)", byName[name].Span.Of(draft.Text));
        }

        Assert.Equal(RecipientPurpose.Archive, byName["Lưu VP Huyện ủy"].Value);
        Assert.Equal(8, draft.Recipients.Count);
        Assert.Equal(UnitGroup.CommunePeoplesCommittees, draft.Recipients.Single(r => r.Unit.Value.Name.StartsWith("Đảng ủy", StringComparison.Ordinal)).Unit.Value.Group);
    }

    [Fact]
    public void Opening_AndMetadata()
    {
        Assert.Equal(["các cấp ủy đảng", "chính quyền", "Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội từ huyện đến cơ sở"],
            draft.Addressees.Where(a => a.Source == RecipientSource.OpeningSentence).Select(a => a.Unit.Value.Name));
        Assert.Equal(DocumentKind.Directive, draft.Metadata.Kind!.Value);
        Assert.Equal("BAN THƯỜNG VỤ HUYỆN ỦY", draft.Metadata.Issuer!.Value);
        Assert.StartsWith("Về tăng cường sự lãnh đạo", draft.Metadata.Subject!.Value, StringComparison.Ordinal);
        Assert.Null(draft.Metadata.IssueDate);
        Assert.StartsWith("Chỉ thị này được phổ biến", draft.Closing!.Text.Value, StringComparison.Ordinal);
    }
}
