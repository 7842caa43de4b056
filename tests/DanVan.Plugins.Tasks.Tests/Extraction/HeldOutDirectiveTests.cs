using System.Reflection;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

/// <summary>
/// Directives written after the extractor, in shapes neither the seeds nor Directives/*.txt have
/// (Party plan with bold sections and "1.1.", a Bộ letter hard-wrapped at 80 columns, a thông báo
/// kết luận numbered "Thứ nhất,", a quyết định with "Điều 1.", a phường đôn đốc letter with "1)",
/// "+" and a table, a Sở hướng dẫn). The expectations were written before the extractor was run on
/// them; they are what an officer reviewing the draft would want, not what the extractor happened
/// to produce.
/// </summary>
public sealed class HeldOutDirectiveTests
{
    private static readonly string HeldOutDirectory = Path.Combine(
        typeof(HeldOutDirectiveTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!,
        "tests", "DanVan.Plugins.Tasks.Tests", "Directives", "HeldOut");

    private static DirectiveDraft Load(string name) => Fixtures.Extract(File.ReadAllText(Path.Combine(HeldOutDirectory, name)));

    private static DraftItem At(DirectiveDraft draft, string path) => draft.AllItems().Single(i => i.Path == path);

    private static IEnumerable<string> Names(IEnumerable<Extracted<UnitMention>> units) => units.Select(u => u.Value.Name);

    // --- Party plan: Ban Tuyên giáo và Dân vận Tỉnh ủy, bold roman sections, "1.1." sub-items ---

    [Fact]
    public void PartyPlan_Metadata()
    {
        var m = Load("tu_btgdv_kehoach.txt").Metadata;

        Assert.Equal(DocumentKind.Plan, m.Kind!.Value);
        Assert.Equal(new DocumentNumber("38", "KH/BTGDVTU", '-'), m.Number!.Value);
        Assert.Equal(new DocumentDate(2026, 3, 16), m.IssueDate!.Value);
        Assert.Contains("BAN TUYÊN GIÁO VÀ DÂN VẬN", m.Issuer!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void PartyPlan_BoldSections_WithSubNumberedItems()
    {
        var draft = Load("tu_btgdv_kehoach.txt");

        Assert.Equal(["I", "II", "III"], draft.Items.Select(i => i.Number));
        Assert.All(draft.Items, i => Assert.Equal(DraftItemKind.Section, i.Kind));
        Assert.Equal("MỤC ĐÍCH, YÊU CẦU", draft.Items[0].Text.Value);
        Assert.Equal(["1", "2"], draft.Items[1].Children.Select(c => c.Number));
        Assert.Equal(["1", "2", "3"], draft.Items[2].Children.Select(c => c.Number));
        var sub = draft.Items[1].Children.SelectMany(c => c.Children).ToList();
        Assert.Equal(["1.1", "1.2", "2.1", "2.2"], sub.Select(s => s.Number));
        Assert.All(sub, s => Assert.Equal(DraftItemKind.SubNumbered, s.Kind));
        Assert.StartsWith("Biên soạn tài liệu", sub[1].Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void PartyPlan_SubItemDeadlines()
    {
        var draft = Load("tu_btgdv_kehoach.txt");
        var sub = draft.Items[1].Children.SelectMany(c => c.Children).ToList();

        Assert.Equal(DueRule.EndOfMonth(5, 2026), Assert.Single(sub[0].Deadlines).Value);
        var latest = Assert.Single(sub[1].Deadlines);
        Assert.Equal(DueRule.OneOff(30, 6, 2026), latest.Value);
        Assert.Equal("chậm nhất ngày 30/6/2026", latest.Span.Of(draft.Text));
        var dotted = Assert.Single(sub[2].Deadlines);
        Assert.Equal(DueRule.OneOff(15, 4, 2026), dotted.Value);
        Assert.Equal("trước ngày 15.4.2026", dotted.Span.Of(draft.Text));
        Assert.Equal(DueRule.SemiAnnual(), Assert.Single(sub[3].Deadlines).Value);
    }

    [Fact]
    public void PartyPlan_ReportsAndVia()
    {
        var draft = Load("tu_btgdv_kehoach.txt");
        var sub = draft.Items[1].Children.SelectMany(c => c.Children).ToList();

        Assert.Equal("Ban Tuyên giáo và Dân vận Tỉnh ủy", Assert.Single(sub[2].Reports).ReportTo!.Value.Name);
        var report = Assert.Single(sub[3].Reports);
        Assert.Equal("Ban Thường vụ Tỉnh ủy", report.ReportTo!.Value.Name);
        Assert.Equal("Ban Tuyên giáo và Dân vận Tỉnh ủy", report.Via!.Value.Name);
    }

    [Fact]
    public void PartyPlan_LeadCooperating_AndDeNghiAssignee()
    {
        var draft = Load("tu_btgdv_kehoach.txt");
        var lead = draft.Items[2].Children[0];

        Assert.Equal("Ban Tuyên giáo và Dân vận Tỉnh ủy", lead.Lead!.Value.Name);
        Assert.Equal(["Văn phòng Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], Names(lead.Cooperating));
        Assert.Equal(DueRule.EndOfMonth(12, 2026), Assert.Single(lead.Deadlines).Value);

        var asked = draft.Items[2].Children[1];
        Assert.Equal(["Đảng ủy Ủy ban nhân dân tỉnh"], Names(asked.Assignees));
        Assert.Empty(asked.Deadlines);
    }

    [Fact]
    public void PartyPlan_CommunePartyCommittees_TwoOneOffDeadlines()
    {
        var item = Load("tu_btgdv_kehoach.txt").Items[2].Children[2];

        var assignee = Assert.Single(item.Assignees);
        Assert.Equal("Các đảng ủy xã, phường", assignee.Value.Name);
        Assert.Equal(UnitGroup.PartyOrganizations, assignee.Value.Group);
        Assert.Equal([DueRule.OneOff(20, 6, 2026), DueRule.OneOff(20, 11, 2026)], item.Deadlines.Select(d => d.Value));
    }

    [Fact]
    public void PartyPlan_NoiNhan_ShortNotesWithoutDe()
    {
        var draft = Load("tu_btgdv_kehoach.txt");

        Assert.Equal(
            [RecipientPurpose.Report, RecipientPurpose.Report, RecipientPurpose.Action, RecipientPurpose.Archive],
            draft.Recipients.Select(r => r.Purpose.Value));
        Assert.Equal("Ban Tuyên giáo và Dân vận Trung ương", draft.Recipients[0].Unit.Value.Name);
        Assert.Equal("(b/c)", draft.Recipients[0].Purpose.Span.Of(draft.Text));
    }

    // --- Bộ Nội vụ letter: pipe header, hard-wrapped lines, a)–c) under 2. ---

    [Fact]
    public void MinistryLetter_PipeHeader_Metadata()
    {
        var m = Load("bnv_cv_hardwrap.txt").Metadata;

        Assert.Equal(DocumentKind.OfficialLetter, m.Kind!.Value);
        Assert.Equal(new DocumentNumber("5127", "BNV-CQĐP"), m.Number!.Value);
        Assert.Equal(new DocumentDate(2026, 9, 8), m.IssueDate!.Value);
        Assert.Equal("BỘ NỘI VỤ", m.Issuer!.Value);
        Assert.EndsWith("công tác dân vận chính quyền và quy chế dân chủ ở cơ sở", m.Subject!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void MinistryLetter_KinhGuiAndOpening_AcrossWrappedLines()
    {
        var draft = Load("bnv_cv_hardwrap.txt");

        Assert.Equal(["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], draft.Recipients.Where(r => r.Source == RecipientSource.KinhGui).Select(r => r.Unit.Value.Name));
        Assert.Equal(["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], draft.Addressees.Where(a => a.Source == RecipientSource.OpeningSentence).Select(a => a.Unit.Value.Name));
    }

    [Fact]
    public void MinistryLetter_Items_WrappedLinesStayInTheirItem()
    {
        var draft = Load("bnv_cv_hardwrap.txt");

        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));
        Assert.Equal(["a", "b", "c"], draft.Items[1].Children.Select(c => c.Number));
        Assert.All(draft.Items[1].Children, c => Assert.Equal(DraftItemKind.Lettered, c.Kind));
        Assert.EndsWith("trước ngày 20 tháng 6 và 20 tháng 12 hằng năm.", draft.Items[0].Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void MinistryLetter_TwoDatesAYear_AreOneSixMonthlyRule()
    {
        var draft = Load("bnv_cv_hardwrap.txt");
        var item = draft.Items[0];

        Assert.Equal("Sở Nội vụ", item.Lead!.Value.Name);
        Assert.Equal(["các cơ quan, đơn vị có liên quan"], Names(item.Cooperating));
        var due = Assert.Single(item.Deadlines); // the cited "ngày 26/11/2021" is not one
        Assert.Equal(DueRule.SemiAnnual(20, 6), due.Value);
        Assert.Equal("trước ngày\n20 tháng 6 và 20 tháng 12 hằng năm", due.Span.Of(draft.Text));
        var report = Assert.Single(item.Reports);
        Assert.Equal(("Bộ Nội vụ", "Vụ Chính quyền địa phương"), (report.ReportTo!.Value.Name, report.Via!.Value.Name));
        Assert.Equal(DueRule.SemiAnnual(20, 6), report.Due!.Value);
    }

    [Fact]
    public void MinistryLetter_LetteredDeadlines_QuarterlyChamNhatKhongQua()
    {
        var draft = Load("bnv_cv_hardwrap.txt");
        var sub = draft.Items[1].Children;

        Assert.Equal(DueRule.Quarterly(20, 3), Assert.Single(sub[0].Deadlines).Value);
        var latest = Assert.Single(sub[1].Deadlines);
        Assert.Equal(DueRule.OneOff(15, 11, 2026), latest.Value);
        Assert.Equal("chậm nhất ngày\n15/11/2026", latest.Span.Of(draft.Text));
        var notAfter = Assert.Single(sub[2].Deadlines);
        Assert.Equal(DueRule.OneOff(30, 11, 2026), notAfter.Value);
        Assert.StartsWith("không quá", notAfter.Span.Of(draft.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void MinistryLetter_PhoneNumber_IsNoDeadline_NoiNhanPurposes()
    {
        var draft = Load("bnv_cv_hardwrap.txt");

        Assert.Empty(draft.Items[2].Deadlines);
        Assert.Equal(
            [RecipientPurpose.AsAbove, RecipientPurpose.Report, RecipientPurpose.Coordination, RecipientPurpose.Archive],
            draft.Recipients.Where(r => r.Source == RecipientSource.NoiNhan).Select(r => r.Purpose.Value));
    }

    // --- Thông báo kết luận: "Thứ nhất,", "Thứ hai," … ---

    [Fact]
    public void Conclusions_Metadata()
    {
        var m = Load("ubnd_tinh_tb_ketluan.txt").Metadata;

        Assert.Equal(DocumentKind.Notice, m.Kind!.Value);
        Assert.Equal(new DocumentNumber("214", "TB-UBND"), m.Number!.Value);
        Assert.Equal(new DocumentDate(2026, 10, 2), m.IssueDate!.Value);
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", m.Issuer!.Value);
    }

    [Fact]
    public void Conclusions_ThuNhat_AreNumberedItems()
    {
        var draft = Load("ubnd_tinh_tb_ketluan.txt");

        Assert.Equal(["1", "2", "3", "4"], draft.Items.Select(i => i.Number));
        Assert.All(draft.Items, i => Assert.Equal(DraftItemKind.Numbered, i.Kind));
        Assert.StartsWith("đánh giá cao kết quả", draft.Items[0].Text.Value, StringComparison.Ordinal);
        Assert.Empty(draft.Items[0].Deadlines);
        Assert.StartsWith("Văn phòng Ủy ban nhân dân tỉnh thông báo", draft.Closing!.Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Conclusions_GiaoChuTri_InTheMonth()
    {
        var item = Load("ubnd_tinh_tb_ketluan.txt").Items[1];

        Assert.Equal("Sở Nội vụ", item.Lead!.Value.Name);
        Assert.Equal(["Sở Tư pháp", "Thanh tra tỉnh"], Names(item.Cooperating));
        Assert.Equal(DueRule.EndOfMonth(10, 2026), Assert.Single(item.Deadlines).Value);
    }

    [Fact]
    public void Conclusions_DeNghi_NamesTheFront()
    {
        var item = Load("ubnd_tinh_tb_ketluan.txt").Items[2];

        Assert.Equal(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], Names(item.Assignees));
        Assert.Empty(item.Deadlines);
    }

    [Fact]
    public void Conclusions_TwoDigitYear_ViaUnit()
    {
        var draft = Load("ubnd_tinh_tb_ketluan.txt");
        var item = draft.Items[3];

        Assert.Equal(["Ủy ban nhân dân các xã, phường"], Names(item.Assignees));
        var due = Assert.Single(item.Deadlines);
        Assert.Equal(DueRule.OneOff(15, 11, 2026), due.Value);
        Assert.Equal("chậm nhất ngày 15/11/26", due.Span.Of(draft.Text));
        var report = Assert.Single(item.Reports);
        Assert.Equal(("Ủy ban nhân dân tỉnh", "Sở Nội vụ"), (report.ReportTo!.Value.Name, report.Via!.Value.Name));
        Assert.Equal(DueRule.OneOff(15, 11, 2026), report.Due!.Value);
    }

    // --- Quyết định of a commune (after 2025): Căn cứ …, QUYẾT ĐỊNH:, Điều 1.–4. ---

    [Fact]
    public void CommuneDecision_Metadata()
    {
        var m = Load("xa_qd_dieu.txt").Metadata;

        Assert.Equal(DocumentKind.Decision, m.Kind!.Value);
        Assert.Equal(new DocumentNumber("156", "QĐ-UBND"), m.Number!.Value);
        Assert.Equal(new DocumentDate(2026, 8, 5), m.IssueDate!.Value);
        Assert.StartsWith("Về việc kiện toàn Ban Chỉ đạo", m.Subject!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void CommuneDecision_Articles_AreTheItems()
    {
        var draft = Load("xa_qd_dieu.txt");

        Assert.Equal(["1", "2", "3", "4"], draft.Items.Select(i => i.Number));
        Assert.All(draft.Items, i => Assert.StartsWith("Điều", i.Label, StringComparison.Ordinal));
        Assert.All(draft.Items, i => Assert.Equal(DraftItemKind.Numbered, i.Kind));
        Assert.StartsWith("Kiện toàn Ban Chỉ đạo", draft.Items[0].Text.Value, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3"], draft.Items[1].Children.Select(c => c.Number));
        Assert.All(draft.Items[1].Children, c => Assert.Equal(DraftItemKind.Dash, c.Kind));
    }

    [Fact]
    public void CommuneDecision_DashDeadlines_AndReport()
    {
        var draft = Load("xa_qd_dieu.txt");
        var duties = draft.Items[1].Children;

        Assert.Empty(duties[0].Deadlines);
        Assert.Equal(DueRule.SemiAnnual(), Assert.Single(duties[1].Deadlines).Value);
        Assert.Equal("Ủy ban nhân dân xã", duties[1].Reports[0].ReportTo!.Value.Name);
        var dotted = Assert.Single(duties[2].Deadlines);
        Assert.Equal(DueRule.OneOff(15, 12, 2026), dotted.Value);
        Assert.Equal("trước ngày 15.12.2026", dotted.Span.Of(draft.Text));
    }

    [Fact]
    public void CommuneDecision_GiaoChuTri_AndResponsibleUnits()
    {
        var draft = Load("xa_qd_dieu.txt");

        var article3 = draft.Items[2];
        Assert.Equal("Phòng Văn hóa - Xã hội", article3.Lead!.Value.Name);
        Assert.Equal(["Văn phòng HĐND và UBND xã"], Names(article3.Cooperating));
        Assert.Equal(DueRule.EndOfMonth(1, 2027), Assert.Single(article3.Deadlines).Value);

        var article4 = draft.Items[3];
        Assert.Empty(article4.Deadlines); // "có hiệu lực kể từ ngày ký"
        Assert.Contains("Văn phòng HĐND và UBND xã", Names(article4.Assignees));
        Assert.Contains(Names(article4.Assignees), n => n.EndsWith("các thôn", StringComparison.Ordinal));
    }

    [Fact]
    public void CommuneDecision_NhuDieu_IsAsAbove()
    {
        var draft = Load("xa_qd_dieu.txt");

        Assert.Equal([RecipientPurpose.AsAbove, RecipientPurpose.Report, RecipientPurpose.Archive], draft.Recipients.Select(r => r.Purpose.Value));
    }

    // --- Phường đôn đốc letter: "1)" items, "+" sub-items, a table, bare and short dates ---

    [Fact]
    public void WardLetter_Metadata_AndKinhGui()
    {
        var draft = Load("phuong_cv_dondoc.txt");

        Assert.Equal(new DocumentNumber("87", "VP-UBND"), draft.Metadata.Number!.Value);
        Assert.Equal(new DocumentDate(2026, 12, 28), draft.Metadata.IssueDate!.Value);
        Assert.Equal(["Trưởng các tổ dân phố", "Phòng Văn hóa - Xã hội", "Công an phường"], draft.Recipients.Where(r => r.Source == RecipientSource.KinhGui).Select(r => r.Unit.Value.Name));
    }

    [Fact]
    public void WardLetter_ParenNumbers_AndTableRowsAreNotItems()
    {
        var draft = Load("phuong_cv_dondoc.txt");

        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));
        Assert.All(draft.Items, i => Assert.Equal(DraftItemKind.Numbered, i.Kind));
        Assert.Equal(["1", "2"], draft.Items[1].Children.Select(c => c.Number));
        Assert.All(draft.Items[1].Children, c => Assert.Equal(DraftItemKind.Plus, c.Kind));
        Assert.StartsWith("Quá thời hạn trên", draft.Closing!.Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void WardLetter_BareDate_InADeadlineSentence()
    {
        var draft = Load("phuong_cv_dondoc.txt");
        var item = draft.Items[0];

        Assert.Equal(["Các tổ dân phố"], Names(item.Assignees));
        var due = Assert.Single(item.Deadlines);
        Assert.Equal(DueRule.OneOff(10, 1, 2027), due.Value);
        Assert.Equal("ngày 10/01/2027", due.Span.Of(draft.Text));
        Assert.True(due.Confidence < 1);
        var report = Assert.Single(item.Reports);
        Assert.Equal("Văn phòng HĐND và UBND phường", report.ReportTo!.Value.Name);
        Assert.Equal(DueRule.OneOff(10, 1, 2027), report.Due!.Value);
    }

    [Fact]
    public void WardLetter_HanCuoi_AndDayMonthWithoutYear()
    {
        var draft = Load("phuong_cv_dondoc.txt");
        var item = draft.Items[1];

        Assert.Equal(["Phòng Văn hóa - Xã hội"], Names(item.Assignees));
        Assert.Equal(["Công an phường"], Names(item.Cooperating));
        var last = Assert.Single(item.Children[0].Deadlines);
        Assert.Equal(DueRule.OneOff(5, 1, 2027), last.Value);
        Assert.Equal("hạn cuối 05/01/2027", last.Span.Of(draft.Text));
        var noYear = Assert.Single(item.Children[1].Deadlines);
        Assert.Equal(DueRule.OneOff(15, 1, null), noYear.Value);
        Assert.Equal("trước 15/1", noYear.Span.Of(draft.Text));
    }

    [Fact]
    public void WardLetter_UnitsInATable_AreNamedByTheirItem()
    {
        var item = Load("phuong_cv_dondoc.txt").Items[2];

        Assert.Equal(["Tổ dân phố số 3", "Tổ dân phố số 7"], Names(item.Assignees));
        Assert.Empty(item.Deadlines);
    }

    [Fact]
    public void WardLetter_NoiNhan()
    {
        var draft = Load("phuong_cv_dondoc.txt");

        Assert.Equal([RecipientPurpose.AsAbove, RecipientPurpose.Report, RecipientPurpose.Archive], draft.Recipients.Where(r => r.Source == RecipientSource.NoiNhan).Select(r => r.Purpose.Value));
    }

    // --- Sở Nội vụ hướng dẫn: headings with their paragraph on the next line, yearly and six-monthly ---

    [Fact]
    public void ProvincialDepartmentGuidance_Metadata_AndAddressees()
    {
        var draft = Load("snv_huongdan.txt");
        var m = draft.Metadata;

        Assert.Equal(DocumentKind.Guidance, m.Kind!.Value);
        Assert.Equal(new DocumentNumber("1892", "HD-SNV"), m.Number!.Value);
        Assert.Equal(new DocumentDate(2026, 4, 14), m.IssueDate!.Value);
        Assert.EndsWith("SỞ NỘI VỤ", m.Issuer!.Value, StringComparison.Ordinal);
        Assert.Equal(["các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"], draft.Addressees.Where(a => a.Source == RecipientSource.OpeningSentence).Select(a => a.Unit.Value.Name));
    }

    [Fact]
    public void ProvincialDepartmentGuidance_Structure_AndAPeriodIsNoDeadline()
    {
        var draft = Load("snv_huongdan.txt");

        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));
        Assert.Equal(["a", "b"], draft.Items[0].Children.Select(c => c.Number));
        Assert.Empty(draft.Items[0].Children[1].Deadlines); // "tính từ ngày 15/11 năm trước đến ngày 14/11 năm đánh giá"
        Assert.Contains("báo cáo đột xuất", draft.Items[2].Text.Value, StringComparison.Ordinal);
        Assert.StartsWith("Trong quá trình thực hiện", draft.Closing!.Text.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ProvincialDepartmentGuidance_YearlyWithVia()
    {
        var item = Load("snv_huongdan.txt").Items[1].Children[0];

        Assert.Equal(["Các cơ quan, đơn vị"], Names(item.Assignees));
        Assert.Equal(DueRule.Yearly(15, 11), Assert.Single(item.Deadlines).Value);
        var report = Assert.Single(item.Reports);
        Assert.Equal(("Sở Nội vụ", "Phòng Xây dựng chính quyền và Công tác thanh niên"), (report.ReportTo!.Value.Name, report.Via!.Value.Name));
    }

    [Fact]
    public void ProvincialDepartmentGuidance_LeadWithTwoCooperating_DayMonthYearly()
    {
        var item = Load("snv_huongdan.txt").Items[1].Children[1];

        Assert.Equal("Sở Nội vụ", item.Lead!.Value.Name);
        Assert.Equal(["Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], Names(item.Cooperating));
        Assert.Equal(DueRule.Yearly(31, 12), Assert.Single(item.Deadlines).Value);
    }

    [Fact]
    public void ProvincialDepartmentGuidance_TwoDatesAYear_InTheHeadingsParagraph()
    {
        var draft = Load("snv_huongdan.txt");
        var item = draft.Items[2];

        Assert.Equal(["Các xã, phường"], Names(item.Assignees));
        Assert.Equal(DueRule.SemiAnnual(15, 6), Assert.Single(item.Deadlines).Value);
        Assert.Equal("Sở Nội vụ", Assert.Single(item.Reports).ReportTo!.Value.Name);
        Assert.Equal(
            [RecipientPurpose.AsAbove, RecipientPurpose.Report, RecipientPurpose.Report, RecipientPurpose.Coordination, RecipientPurpose.Archive],
            draft.Recipients.Where(r => r.Source == RecipientSource.NoiNhan).Select(r => r.Purpose.Value));
    }
}
