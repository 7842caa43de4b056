using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

/// <summary>Seed 001: CHỈ THỊ of the Chairman of UBND tỉnh Hưng Yên, items 1.–8., yearly report via Sở Nội vụ.</summary>
public sealed class Seed001Tests
{
    private readonly DirectiveDraft draft = Fixtures.Extract(Fixtures.Seed(Fixtures.Seed001));

    [Fact]
    public void Items_AreOneToEight_WithNoSubItems()
    {
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], draft.Items.Select(i => i.Number));
        Assert.All(draft.Items, i => Assert.Equal(DraftItemKind.Numbered, i.Kind));
        Assert.All(draft.Items, i => Assert.Empty(i.Children));
        Assert.Empty(draft.Messages);
    }

    [Fact]
    public void ItemText_ContinuesOverParagraphs_AndSpanPointsAtIt()
    {
        var item4 = draft.Items[3];
        Assert.StartsWith("Tổ chức triển khai có hiệu quả Chương trình tổng thể", item4.Text.Value, StringComparison.Ordinal);
        Assert.EndsWith("dân thụ hưởng”.", item4.Text.Value, StringComparison.Ordinal);
        Assert.StartsWith("Tổ chức triển khai", item4.Text.Span.Of(draft.Text), StringComparison.Ordinal);

        // Item 5 is broken over two paragraphs mid-sentence ("Làm dân tin”,\n\nkhắc phục …").
        Assert.Contains("“Làm dân tin”, khắc phục bệnh thành tích", draft.Items[4].Text.Value, StringComparison.Ordinal);
        Assert.EndsWith("lợi ích chính đáng của Nhân dân.", draft.Items[7 - 3].Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ClosingParagraph_IsNotPartOfItem8()
    {
        Assert.DoesNotContain("Thủ trưởng", draft.Items[7].Text.Value, StringComparison.Ordinal);
        Assert.NotNull(draft.Closing);
        Assert.StartsWith("Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND", draft.Closing.Text.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("Nơi nhận", draft.Closing.Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void YearlyReport_ToUbndTinh_ViaSoNoiVu_UpstreamBoNoiVu_Before15November()
    {
        var report = Assert.Single(draft.Closing!.Reports);
        Assert.Equal("UBND tỉnh", report.ReportTo!.Value.Name);
        Assert.Equal("UBND tỉnh", report.ReportTo.Span.Of(draft.Text));
        Assert.Equal("Sở Nội vụ", report.Via!.Value.Name);
        Assert.Equal("Bộ Nội vụ", report.Upstream!.Value.Name);
        Assert.Equal(DueRule.Yearly(15, 11), report.Due!.Value);

        var due = Assert.Single(draft.Closing.Deadlines);
        Assert.Equal(DueRule.Yearly(15, 11), due.Value);
        Assert.Equal("trước ngày 15 tháng 11 hằng năm", due.Span.Of(draft.Text));
        Assert.InRange(due.Confidence, 0.8, 1);
    }

    [Fact]
    public void Addressees_FromOpeningSentence_AndClosing_AreUnitGroups()
    {
        var opening = draft.Addressees.Where(a => a.Source == RecipientSource.OpeningSentence).ToList();
        Assert.Equal(["các sở, ban, ngành tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố", "các cơ quan, đơn vị có liên quan"], opening.Select(a => a.Unit.Value.Name));
        Assert.Equal([UnitGroup.ProvincialAgencies, UnitGroup.DistrictPeoplesCommittees, UnitGroup.RelatedAgencies], opening.Select(a => a.Unit.Value.Group));
        // The name runs over a paragraph break in the text ("Ủy ban\n\nnhân dân các huyện"); the span keeps it.
        Assert.Equal("Ủy ban\n\nnhân dân các huyện, thị xã, thành phố", opening[1].Unit.Span.Of(draft.Text));

        var closing = draft.Addressees.Where(a => a.Source == RecipientSource.Closing).Select(a => a.Unit.Value.Name);
        Assert.Equal(["các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố", "các cơ quan, đơn vị có liên quan"], closing);
    }

    [Fact]
    public void NoiNhan_ListsEveryRecipient_ArchiveLinesMarked()
    {
        var names = draft.Recipients.Select(r => r.Unit.Value.Name).ToList();
        Assert.Equal(
            ["Bộ Nội vụ", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Ban Dân vận Tỉnh ủy",
             "Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố", "Lãnh đạo VP UBND tỉnh", "Cổng thông tin điện tử tỉnh",
             "CV: HCTC^{Điều}", "Lưu: VT, CVNC^{NH}"],
            names);
        Assert.All(draft.Recipients, r => Assert.Equal(RecipientSource.NoiNhan, r.Source));
        Assert.Equal(RecipientPurpose.Archive, draft.Recipients[^1].Purpose.Value);
        Assert.Equal(RecipientPurpose.Archive, draft.Recipients[^2].Purpose.Value);
        Assert.Equal(RecipientPurpose.Unspecified, draft.Recipients[0].Purpose.Value);
        Assert.Equal(UnitGroup.ProvincialAgencies, draft.Recipients[5].Unit.Value.Group);
    }

    [Fact]
    public void Items7And8_AreYearly_WithoutADate_And8NamesItsUnits()
    {
        Assert.Equal(DueRule.Yearly(), Assert.Single(draft.Items[6].Deadlines).Value);
        Assert.Equal("Hằng năm", draft.Items[7].Deadlines[0].Span.Of(draft.Text));
        Assert.Equal(["các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố"], draft.Items[7].Assignees.Select(a => a.Value.Name));
    }

    [Fact]
    public void CitedDocumentDates_AreNotDeadlines()
    {
        // Items 3, 4, 7 and 8 cite documents with dates ("ngày 18/5/2021", "ngày 08/01/2020").
        Assert.Empty(draft.Items[2].Deadlines);
        Assert.Empty(draft.Items[3].Deadlines);
        Assert.DoesNotContain(draft.Items[7].Deadlines, d => d.Value.Kind == DueRuleKind.OneOff);
    }

    [Fact]
    public void Metadata_KindDatePlaceSubject_AndIssuerFromOpening()
    {
        var m = draft.Metadata;
        Assert.Equal(DocumentKind.Directive, m.Kind!.Value);
        Assert.Equal("CHỈ THỊ", m.Kind.Span.Of(draft.Text));
        Assert.Equal(new DocumentDate(2022, 2, 21), m.IssueDate!.Value);
        Assert.Equal("ngày 21 tháng 02 năm 2022", m.IssueDate.Span.Of(draft.Text));
        Assert.Equal("Hưng Yên", m.Place!.Value);
        Assert.StartsWith("Về việc tiếp tục tăng cường và đổi mới công tác dân vận", m.Subject!.Value, StringComparison.Ordinal);
        Assert.Null(m.Number);
        Assert.Equal("Ủy ban nhân dân tỉnh", m.Issuer!.Value);
        Assert.True(m.Issuer.Confidence < 0.9);
    }
}
