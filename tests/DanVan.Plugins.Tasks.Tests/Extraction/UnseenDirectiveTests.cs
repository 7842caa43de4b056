using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

/// <summary>Directives the extractor was not designed from, in the same genres as the seeds.</summary>
public sealed class UnseenDirectiveTests
{
    private static DirectiveDraft Load(string name) => Fixtures.Extract(Fixtures.Directive(name));

    private static DraftItem At(DirectiveDraft draft, string path) => draft.AllItems().Single(i => i.Path == path);

    [Fact]
    public void Plan_WithRomanSections_NumberedItems_LetteredAndPlusSubItems()
    {
        var draft = Load("kh_sections.txt");

        Assert.Equal(["I", "II", "III"], draft.Items.Select(i => i.Number));
        Assert.All(draft.Items, i => Assert.Equal(DraftItemKind.Section, i.Kind));
        Assert.Equal("TỔ CHỨC THỰC HIỆN", draft.Items[2].Text.Value);
        Assert.Equal(["I", "I.1", "I.2", "II", "II.1", "II.2", "II.2.a", "II.2.b", "II.3", "III", "III.1", "III.2", "III.2.1", "III.2.2"], draft.AllItems().Select(i => i.Path));
        Assert.Equal(DraftItemKind.Lettered, At(draft, "II.2.a").Kind);
        Assert.Equal(DraftItemKind.Plus, At(draft, "III.2.1").Kind);
        Assert.Equal(2, At(draft, "III.2.2").Level);
        Assert.StartsWith("Trên đây là Kế hoạch", draft.Closing!.Text.Value, StringComparison.Ordinal);

        var m = draft.Metadata;
        Assert.Equal(DocumentKind.Plan, m.Kind!.Value);
        Assert.Equal(new DocumentNumber("125", "KH-UBND"), m.Number!.Value);
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", m.Issuer!.Value); // same line as the quốc hiệu
        Assert.Equal(new DocumentDate(2024, 3, 12), m.IssueDate!.Value);
        Assert.Equal("Thực hiện công tác dân vận chính quyền năm 2024", m.Subject!.Value);
    }

    [Fact]
    public void Plan_LeadWithSeveralCooperatingUnits_AndQuarterlySemiAnnualYearlyRules()
    {
        var draft = Load("kh_sections.txt");

        var lead = At(draft, "III.1");
        Assert.Equal("Sở Nội vụ", lead.Lead!.Value.Name);
        Assert.Equal(["Sở Tài chính", "Sở Văn hóa, Thể thao và Du lịch", "Ban Dân vận Tỉnh ủy"], lead.Cooperating.Select(c => c.Value.Name));
        Assert.Equal([DueRule.SemiAnnual(15, 6), DueRule.Yearly(15, 12)], lead.Deadlines.Select(d => d.Value));
        Assert.Equal("Ủy ban nhân dân tỉnh", lead.Reports[0].ReportTo!.Value.Name);

        var quarterly = Assert.Single(At(draft, "II.3").Deadlines);
        Assert.Equal(DueRule.Quarterly(20, 3), quarterly.Value);
        Assert.Equal("trước ngày 20 của tháng cuối quý", quarterly.Span.Of(draft.Text));
        Assert.Equal("Sở Nội vụ", At(draft, "II.3").Reports[0].ReportTo!.Value.Name);

        Assert.Equal(DueRule.Yearly(), Assert.Single(At(draft, "II.2.b").Deadlines).Value); // "mỗi năm một lần"
        Assert.Equal(DueRule.OneOff(31, 3, 2024), Assert.Single(At(draft, "III.2").Deadlines).Value);
        Assert.Equal(["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"], At(draft, "III.2").Assignees.Select(a => a.Value.Name));
    }

    [Fact]
    public void Plan_NoiNhanNotesOnTheirOwnLines()
    {
        var draft = Load("kh_sections.txt");

        Assert.Equal(
            [RecipientPurpose.Report, RecipientPurpose.Report, RecipientPurpose.Action, RecipientPurpose.Action, RecipientPurpose.Archive],
            draft.Recipients.Select(r => r.Purpose.Value));
        Assert.Equal("Bộ Nội vụ", draft.Recipients[0].Unit.Value.Name);
        Assert.Equal("(để báo cáo)", draft.Recipients[0].Purpose.Span.Of(draft.Text));
    }

    [Fact]
    public void OfficialLetter_KinhGuiOnOneLine_AndDatesInEveryForm()
    {
        var draft = Load("cv_kinhgui.txt");

        Assert.Equal(["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"], draft.Recipients.Where(r => r.Source == RecipientSource.KinhGui).Select(r => r.Unit.Value.Name));
        Assert.Equal(["1", "2", "3", "4"], draft.Items.Select(i => i.Number));
        Assert.Equal(DueRule.OneOff(30, 11, 2024), draft.Items[0].Deadlines.Single().Value);
        Assert.Equal("chậm nhất ngày 05-12-2024", draft.Items[1].Deadlines.Single().Span.Of(draft.Text));
        Assert.Equal(DueRule.OneOff(5, 12, 2024), draft.Items[1].Deadlines.Single().Value);
        Assert.Equal(DueRule.OneOff(15, 12, 2024), draft.Items[2].Deadlines.Single().Value);
        Assert.Equal("trước ngày 15.12.2024", draft.Items[2].Deadlines.Single().Span.Of(draft.Text));
        Assert.Equal(DueRule.OneOff(31, 12, 2024), draft.Items[3].Deadlines.Single().Value); // "Thời hạn …: ngày 31 tháng 12 năm 2024"

        var report = draft.Items[0].Reports.Single();
        Assert.Equal("Sở Nội vụ", report.ReportTo!.Value.Name);
        Assert.Equal("Phòng Xây dựng chính quyền", report.Via!.Value.Name);
        var upstream = draft.Items[2].Reports.Single();
        Assert.Equal(("Sở Nội vụ", "Ủy ban nhân dân tỉnh"), (upstream.ReportTo!.Value.Name, upstream.Upstream!.Value.Name));

        Assert.Equal(RecipientPurpose.Report, draft.Recipients.Single(r => r.Unit.Value.Name == "UBND tỉnh").Purpose.Value); // "(để b/c)"
        Assert.Equal("SỞ NỘI VỤ TỈNH HƯNG YÊN", draft.Metadata.Issuer!.Value);
        Assert.Equal(new DocumentNumber("2345", "SNV-XDCQ"), draft.Metadata.Number!.Value);
        Assert.StartsWith("Trong quá trình thực hiện", draft.Closing!.Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void UnaccentedText_ReadsLikeAccentedText()
    {
        var draft = Load("unaccented.txt");

        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));
        Assert.Equal(DocumentKind.Plan, draft.Metadata.Kind!.Value);
        Assert.Equal(new DocumentDate(2025, 3, 5), draft.Metadata.IssueDate!.Value);
        Assert.Equal("Van phong HDND va UBND xa", draft.Items[0].Lead!.Value.Name);
        Assert.Equal(["Uy ban Mat tran To quoc Viet Nam xa", "cac doan the chinh tri - xa hoi xa"], draft.Items[0].Cooperating.Select(c => c.Value.Name));
        Assert.Equal(DueRule.Monthly(25, 1), draft.Items[1].Deadlines.Single().Value);
        var report = draft.Items[2].Reports.Single();
        Assert.Equal(("UBND huyen", "Phong Noi vu"), (report.ReportTo!.Value.Name, report.Via!.Value.Name));
        Assert.Equal(DueRule.OneOff(10, 12, 2025), report.Due!.Value);
        Assert.Equal([RecipientPurpose.Report, RecipientPurpose.Action, RecipientPurpose.Archive], draft.Recipients.Select(r => r.Purpose.Value));
        Assert.Equal(["cac ban, nganh, doan the xa", "cac thon"], draft.Addressees.Select(a => a.Unit.Value.Name));
    }

    [Fact]
    public void WindowsLineEndings_OldToneMarks_MonthlyWeeklyAndSixMonthlyRules()
    {
        var text = Fixtures.Directive("crlf_monthly.txt");
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        var draft = Fixtures.Extract(text);

        Assert.Equal(["1", "2", "3", "4"], draft.Items.Select(i => i.Number));
        Assert.DoesNotContain('\r', draft.Items[0].Text.Value);
        Assert.Equal(DocumentKind.Notice, draft.Metadata.Kind!.Value);
        Assert.Equal("UỶ BAN NHÂN DÂN XÃ HOÀ BÌNH", draft.Metadata.Issuer!.Value);
        Assert.Equal(new DocumentDate(2025, 1, 2), draft.Metadata.IssueDate!.Value);

        Assert.Equal(DueRule.Monthly(5, 2), draft.Items[0].Deadlines.Single().Value); // "hằng tháng, trước ngày 05 của tháng sau"
        Assert.Equal("UBND xã", draft.Items[0].Reports.Single().ReportTo!.Value.Name); // "báo cáo Chủ tịch UBND xã"
        Assert.Equal("Văn phòng HĐND và UBND xã", draft.Items[0].Assignees.Single().Value.Name);
        Assert.Equal(DueRule.EndOfMonth(1, 2025), draft.Items[1].Deadlines.Single().Value);
        Assert.Equal(DueRule.Weekly(), draft.Items[2].Deadlines.Single().Value);
        Assert.Equal("Công an xã", draft.Items[2].Assignees.Single().Value.Name);
        Assert.Equal("Ban Chỉ huy Quân sự xã", draft.Items[2].Cooperating.Single().Value.Name);
        Assert.Equal([DueRuleKind.SemiAnnual, DueRuleKind.Yearly], draft.Items[3].Deadlines.Select(d => d.Value.Kind));
    }

    [Fact]
    public void ItemWithNoUnit_NamesNone_AndDocumentAddresseesStand()
    {
        var draft = Load("crlf_monthly.txt");
        var item2 = draft.Items[1];

        Assert.Null(item2.Lead);
        Assert.Empty(item2.Cooperating);
        Assert.Empty(item2.Assignees);
        Assert.Empty(item2.Reports);
        Assert.Equal("các bộ phận", draft.Addressees.Single().Unit.Value.Name);
    }

    [Fact]
    public void PartyLetter_DashNumber_QuarterAndSixMonthly()
    {
        var draft = Load("party_cv.txt");

        Assert.Equal(new DocumentNumber("125", "CV/BDVTU", '-'), draft.Metadata.Number!.Value);
        Assert.Equal("125-CV/BDVTU", draft.Metadata.Number.Value.ToString());
        Assert.Equal(DocumentKind.OfficialLetter, draft.Metadata.Kind!.Value);
        Assert.Equal(["Các huyện ủy, thị ủy, thành ủy", "Đảng ủy Khối các cơ quan tỉnh"], draft.Recipients.Where(r => r.Source == RecipientSource.KinhGui).Select(r => r.Unit.Value.Name));
        Assert.Equal(UnitGroup.PartyOrganizations, draft.Recipients[0].Unit.Value.Group);
        Assert.Equal(DueRule.OneOff(30, 9, 2024), draft.Items[0].Deadlines.Single().Value); // "trong quý III/2024"
        Assert.Equal(DueRule.SemiAnnual(), draft.Items[1].Deadlines.Single().Value);
        Assert.Equal("Ban Dân vận Tỉnh ủy", draft.Items[1].Reports.Single().ReportTo!.Value.Name);
        Assert.Equal(DueRule.Yearly(15, 11), draft.Items[2].Deadlines.Single().Value); // "Định kỳ hằng năm trước ngày 15 tháng 11"
    }

    [Fact]
    public void BulletsOnly_AfterTheAnnouncingSentence_AreTheItems()
    {
        var draft = Load("bullets_only.txt");

        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));
        Assert.All(draft.Items, i => Assert.Equal(DraftItemKind.Dash, i.Kind));
        Assert.Equal(["Phòng Văn hóa - Xã hội", "Trưởng các thôn"], draft.Recipients.Where(r => r.Source == RecipientSource.KinhGui).Select(r => r.Unit.Value.Name));
        Assert.Equal("Phòng Văn hóa - Xã hội", draft.Items[0].Lead!.Value.Name);
        Assert.Equal("Ủy ban Mặt trận Tổ quốc Việt Nam xã", draft.Items[0].Cooperating.Single().Value.Name);
        Assert.Equal("Văn phòng HĐND và UBND xã", draft.Items[0].Reports.Single().ReportTo!.Value.Name);
        Assert.Equal(DueRule.OneOff(1, 11, 2024), draft.Items[0].Deadlines.Single().Value);
        Assert.Equal(DueRule.OneOff(5, 11, 2024), draft.Items[1].Deadlines.Single().Value);
        Assert.Equal("các thôn", draft.Items[1].Assignees.Single().Value.Name);
        Assert.Empty(draft.Items[2].Deadlines);
    }
}
