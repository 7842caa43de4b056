using System.Globalization;
using System.Text.RegularExpressions;
using DanVan.Plugins.Browser.Tests.Infrastructure;
using DanVan.Plugins.Contracts.Tasks.V1;
using DanVan.Plugins.Grpc;
using Microsoft.Playwright;
using Metadata = DanVan.Plugins.Grpc.Metadata;

namespace DanVan.Plugins.Browser.Tests;

/// <summary>
/// Issue 6 end to end on the sample e-office with the seed directive 001 ("báo cáo UBND tỉnh (qua Sở
/// Nội vụ tổng hợp) … trước ngày 15 tháng 11 hằng năm"), through the Tasks API (danvan.tasks.v1, as the
/// e-office host acting for officers) and the browser, on a fake clock starting 10/11/2026 08:00 in Hà
/// Nội: Sở Nội vụ reads the draft through the API and reviews it in the "Nhiệm vụ" tab, then confirms it
/// there; xã Tân Hưng reports an item done in the browser, phường Phố Hiến reports half of the same item
/// through the API, and xã Tiên Lữ never reports. The clock is stepped to each reminder: three days
/// before (12/11), on the due date (15/11), the day after (16/11, overdue, escalated to UBND tỉnh),
/// each shown once per assignment in the leaders' "Thông báo". Phố Hiến finishes late; Sở Nội vụ's
/// roll-up (API and dashboard) has each unit's exact figures, and the exported .xlsx, opened again,
/// has them under its column headers.
/// </summary>
public sealed class TasksEndToEndTests(BrowserFixture browser, ClockDemoFixture demo) : IClassFixture<BrowserFixture>, IClassFixture<ClockDemoFixture>
{
    private const string Directive001 = "vb-001-chi-thi-ubnd-tinh-2022";
    private const string YearlyDeadline = "trước ngày 15 tháng 11 hằng năm";
    private const string Province = "ubnd-tinh-hung-yen";
    private const string HomeAffairs = "so-noi-vu-hung-yen";
    private const string Appraiser = "u-snv-tham-dinh";
    private const string ProvinceClerk = "u-vp-ubnd-van-thu";
    private const string TanHung = "xa-tan-hung";
    private const string TanHungName = "Ủy ban nhân dân xã Tân Hưng";
    private const string TanHungOfficer = "u-tan-hung-can-bo";
    private const string TanHungChairman = "u-tan-hung-chu-tich";
    private const string PhoHien = "phuong-pho-hien";
    private const string PhoHienName = "Ủy ban nhân dân phường Phố Hiến";
    private const string PhoHienOfficer = "u-pho-hien-can-bo";
    private const string PhoHienChairman = "u-pho-hien-chu-tich";
    private const string TienLu = "xa-tien-lu";
    private const string TienLuName = "Ủy ban nhân dân xã Tiên Lữ";
    private const string BeforeDue = "Sắp đến hạn (15/11/2026)";
    private const string OnDue = "Hôm nay đến hạn (15/11/2026)";
    private const string Overdue = "Quá hạn (hạn 15/11/2026)";
    private const int Items = 8;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    [Fact]
    public async Task From_directive_001_to_reports_reminders_overdue_rollup_and_the_excel_file()
    {
        var api = new TasksService.TasksServiceClient(demo.Runtime);
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 1366, Height = 900 }, AcceptDownloads = true });
        // The machine running the suite may be busy: actions and navigations wait longer than Playwright's default.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        var frame = page.FrameLocator("iframe[data-plugin='danvan.tasks']");

        var tasks = await ReviewAndConfirmTheDraftAsync(api, page, frame);
        var (tanHungDone, phoHienHalf) = await TwoUnitsReportAsync(api, page, frame, tasks);
        await RemindersArriveOnceAtEachStepAsync(api, page, frame, tanHungDone);
        await PhoHienFinishesLateAsync(api, phoHienHalf);
        await TheRollupDashboardAndExcelFileAgreeAsync(api, page, frame);
    }

    /// <summary>
    /// Sở Nội vụ reads the draft through the API and in the "Nhiệm vụ" tab — nothing is created yet —
    /// then confirms all eight items in the tab. Returns the tasks as the API lists them.
    /// </summary>
    private async Task<IReadOnlyList<TrackedTask>> ReviewAndConfirmTheDraftAsync(TasksService.TasksServiceClient api, IPage page, IFrameLocator frame)
    {
        var draft = (await api.GetDocumentDraftAsync(new GetDocumentDraftRequest { DocumentId = Directive001 }, As(Appraiser))).Draft;
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], draft.Items.Select(i => i.Path));
        Assert.DoesNotContain(draft.Items, i => i.TaskCreated);
        // No item states its own date ("Hằng năm" of items 7 and 8 has none): the closing's yearly 15/11 applies to all eight.
        Assert.All(draft.Items, i => Assert.All(i.Deadlines, d => Assert.Equal((DueRuleKind.Yearly, 0, 0), (d.Rule.Kind, d.Rule.Day, d.Rule.Month))));
        var deadline = Assert.Single(draft.ClosingDeadlines).Rule;
        Assert.Equal((DueRuleKind.Yearly, 15, 11, YearlyDeadline), (deadline.Kind, deadline.Day, deadline.Month, deadline.Description));
        var report = Assert.Single(draft.ClosingReports);
        Assert.Equal(("UBND tỉnh", "Sở Nội vụ"), (report.ReportTo.Name, report.Via.Name));
        Assert.Equal((UnitResolutionStatus.Resolved, HomeAffairs), (report.Via.Resolution, report.Via.SuggestedUnitId));
        Assert.Equal((DueRuleKind.Yearly, 15, 11), (report.Due.Rule.Kind, report.Due.Rule.Day, report.Due.Rule.Month));

        // The same draft in the e-office's document page, before confirming: the eight items, the deadline and the report line.
        await SignInAsync(page, Appraiser);
        await page.GotoAsync(Url($"/van-ban/{Directive001}?tab=danvan.tasks.document-tasks"));
        await Assertions.Expect(frame.Locator("#ds")).ToHaveTextAsync("Các nhiệm vụ (8)");
        var items = frame.Locator("li.muc[data-path]");
        await Assertions.Expect(items).ToHaveCountAsync(Items);
        Assert.Equal(draft.Items.Select(i => i.Path), await items.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.path)"));
        await Assertions.Expect(items.Nth(3)).ToContainTextAsync("Chương trình tổng thể cải cách hành chính");
        var closing = frame.Locator("section[aria-labelledby='to-chuc']");
        await Assertions.Expect(closing).ToContainTextAsync(YearlyDeadline);
        await Assertions.Expect(closing).ToContainTextAsync(new Regex("qua Sở Nội vụ"));
        await Assertions.Expect(frame.Locator("#da-tao")).ToHaveCountAsync(0);
        await Assertions.Expect(frame.Locator("input[name='muc']:checked")).ToHaveCountAsync(Items);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("09-ra-soat-du-thao-001"), FullPage = true });

        await frame.GetByRole(AriaRole.Button, new() { Name = "Xác nhận tạo nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync(new Regex("Đã tạo 8 nhiệm vụ và \\d+ lượt giao việc"), new() { Timeout = 60_000 });

        var tasks = (await api.ListDocumentTasksAsync(new ListDocumentTasksRequest { DocumentId = Directive001, PageSize = 50 }, As(Appraiser))).Tasks;
        Assert.Equal(draft.Items.Select(i => i.Path), tasks.Select(t => t.ItemPath));
        Assert.All(tasks, t => Assert.Equal((YearlyDeadline, Province, HomeAffairs, Appraiser), (t.DueRuleDescription, t.ReportToUnitId, t.ReportViaUnitId, t.CreatedByUserId)));
        foreach (var unit in new[] { TanHung, PhoHien, TienLu })
        {
            var thisYear = (await AssignmentsAsync(api, unit)).Where(a => a.PeriodKey == "2026").ToList();
            Assert.Equal(tasks.Select(t => t.Id).Order(), thisYear.Select(a => a.TaskId).Order()); // one assignment per item
            Assert.All(thisYear, a => Assert.Equal((2026, 11, 15, AssignmentStatus.DueSoon), (a.DueDate.Year, a.DueDate.Month, a.DueDate.Day, a.Status)));
        }

        return tasks;
    }

    /// <summary>
    /// On 10/11, xã Tân Hưng's officer reports its first item done in the browser and Sở Nội vụ accepts
    /// it (completed on time); phường Phố Hiến's officer reports half of the same item through the API,
    /// accepted, still open. Xã Tiên Lữ reports nothing.
    /// </summary>
    private async Task<(Assignment TanHung, Assignment PhoHien)> TwoUnitsReportAsync(TasksService.TasksServiceClient api, IPage page, IFrameLocator frame, IReadOnlyList<TrackedTask> tasks)
    {
        await SignInAsync(page, TanHungOfficer);
        await page.GotoAsync(Url($"/don-vi/{TanHung}?tab=danvan.tasks.unit-tasks"));
        await frame.Locator("summary", new() { HasText = "Báo cáo tiến độ" }).First.ClickAsync();
        await frame.Locator("textarea[name='noi-dung']").First.FillAsync("Đã quán triệt Chỉ thị tới cán bộ, công chức xã và 12 thôn.");
        await frame.Locator("input[name='phan-tram']").First.FillAsync("100");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo tiến độ" }).First.ClickAsync();
        await Assertions.Expect(frame.Locator("#thong-bao")).ToContainTextAsync("Đã gửi báo cáo tiến độ 100%", new() { Timeout = 60_000 });

        var (reported, report) = await SubmittedReportAsync(api, await AssignmentsAsync(api, TanHung));
        Assert.Equal((100, TanHungOfficer), (report.Percent, report.SubmittedByUserId));
        var accepted = await api.ReviewReportAsync(new ReviewReportRequest { ReportId = report.Id, ReportVersion = report.Version, Decision = ReviewDecision.Accept }, As(Appraiser));
        Assert.Equal(ReportState.Accepted, accepted.Report.State);
        var tanHung = (await AssignmentsAsync(api, TanHung)).Single(a => a.Id == reported.Id);
        Assert.Equal(AssignmentStatus.CompletedOnTime, tanHung.Status);
        Assert.Contains(tasks, t => t.Id == tanHung.TaskId);

        var phoHien = (await AssignmentsAsync(api, PhoHien)).Single(a => a.TaskId == tanHung.TaskId && a.PeriodKey == "2026");
        var half = new SubmitReportRequest { AssignmentId = phoHien.Id, AssignmentVersion = phoHien.Version, Text = "Đang xây dựng kế hoạch triển khai.", Percent = 50, RequestId = "e2e-pho-hien-1" };
        half.Evidence.Add(new Evidence { Kind = EvidenceKind.Link, Reference = "https://phohien.hungyen.gov.vn/ke-hoach-dan-van", Title = "Dự thảo kế hoạch" });
        var halfReport = (await api.SubmitReportAsync(half, As(PhoHienOfficer))).Report;
        Assert.Equal(ReportState.Submitted, halfReport.State);
        await api.ReviewReportAsync(new ReviewReportRequest { ReportId = halfReport.Id, ReportVersion = halfReport.Version, Decision = ReviewDecision.Accept }, As(Appraiser));
        phoHien = (await AssignmentsAsync(api, PhoHien)).Single(a => a.Id == phoHien.Id);
        Assert.Equal((AssignmentStatus.DueSoon, 50), (phoHien.Status, phoHien.ProgressPercent));
        return (tanHung, phoHien);
    }

    /// <summary>
    /// The clock stepped to each reminder (08:00 in Hà Nội, seen at 09:00): three days before, on the
    /// due date, the day after. At each step the unit leaders' "Thông báo" has that reminder once per
    /// open assignment — none for Tân Hưng's completed one — and still each earlier one once; the
    /// overdue one also reaches the report-to and issuing unit, UBND tỉnh (its văn thư), and the
    /// assignments are "quá hạn" in the API and the unit tab.
    /// </summary>
    private async Task RemindersArriveOnceAtEachStepAsync(TasksService.TasksServiceClient api, IPage page, IFrameLocator frame, Assignment tanHungDone)
    {
        var contents = (await AssignmentsAsync(api, PhoHien)).Where(a => a.PeriodKey == "2026").Select(a => a.Task.Content.ReplaceLineEndings(" ").Trim()).ToList();
        string[] kinds = [BeforeDue, OnDue, Overdue];
        for (var step = 0; step < kinds.Length; step++)
        {
            MoveClockTo(new DateTimeOffset(2026, 11, step switch { 0 => 12, 1 => 15, _ => 16 }, 9, 0, 0, TimeSpan.FromHours(7)));
            var due = kinds[..(step + 1)];

            await SignInAsync(page, PhoHienChairman);
            var phoHien = await Inbox.WhenAsync(page, demo.WebAddress, e => due.All(k => Count(e, k, PhoHienName) >= Items));
            AssertOncePerAssignment(phoHien, due, PhoHienName, contents);
            Assert.DoesNotContain(phoHien, e => kinds[(step + 1)..].Any(k => e.Title.StartsWith(k, StringComparison.Ordinal)));
            Assert.All(phoHien.Where(e => e.Title.StartsWith(BeforeDue, StringComparison.Ordinal)), e => Assert.Contains("Hạn: 15/11/2026 (còn 3 ngày).", e.Body, StringComparison.Ordinal));

            await SignInAsync(page, TanHungChairman);
            var tanHung = await Inbox.WhenAsync(page, demo.WebAddress, e => due.All(k => Count(e, k, TanHungName) >= Items - 1));
            AssertOncePerAssignment(tanHung, due, TanHungName, [.. contents.Where(c => !IsTaskOf(c, tanHungDone))]);
        }

        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("10-thong-bao-qua-han"), FullPage = true });
        var overdueNow = (await AssignmentsAsync(api, PhoHien)).Where(a => a.PeriodKey == "2026").ToList();
        Assert.All(overdueNow, a => Assert.Equal(AssignmentStatus.Overdue, a.Status));
        Assert.Equal(50, overdueNow.Single(a => a.TaskId == tanHungDone.TaskId).ProgressPercent);
        Assert.Equal(AssignmentStatus.CompletedOnTime, (await AssignmentsAsync(api, TanHung)).Single(a => a.Id == tanHungDone.Id).Status);

        // Escalation: 001's tasks report to UBND tỉnh, which also issued them; its văn thư gets each unit's overdue reminders, once, and none before.
        await SignInAsync(page, ProvinceClerk);
        var province = await Inbox.WhenAsync(page, demo.WebAddress, e => Count(e, Overdue, PhoHienName) >= Items && Count(e, Overdue, TienLuName) >= Items && Count(e, Overdue, TanHungName) >= Items - 1);
        AssertOncePerAssignment(province, [Overdue], PhoHienName, contents);
        AssertOncePerAssignment(province, [Overdue], TienLuName, contents);
        AssertOncePerAssignment(province, [Overdue], TanHungName, [.. contents.Where(c => !IsTaskOf(c, tanHungDone))]);
        Assert.Equal(0, Count(province, BeforeDue, PhoHienName) + Count(province, OnDue, PhoHienName));
        Assert.All(province.Where(e => e.Title.StartsWith(Overdue, StringComparison.Ordinal)), e => Assert.Contains("gửi cả đơn vị giao nhiệm vụ và đơn vị nhận báo cáo", e.Body, StringComparison.Ordinal));

        // Phố Hiến's chairman opens the unit's page: all eight of this year "quá hạn", the half-done one at 50 %.
        await SignInAsync(page, PhoHienChairman);
        await page.GotoAsync(Url($"/don-vi/{PhoHien}?tab=danvan.tasks.unit-tasks"));
        await Assertions.Expect(frame.Locator("#tong")).ToContainTextAsync($"{Items} quá hạn");
        var overdue = frame.Locator("li.muc[data-status='Overdue']");
        await Assertions.Expect(overdue).ToHaveCountAsync(Items);
        await Assertions.Expect(overdue.First).ToContainTextAsync("quá hạn");
        await Assertions.Expect(frame.Locator($"#lv-{overdueNow.Single(a => a.TaskId == tanHungDone.TaskId).Id}")).ToContainTextAsync("50%");
    }

    /// <summary>On 16/11 Phố Hiến reports the half-done item finished (API) and Sở Nội vụ accepts: completed late.</summary>
    private static async Task PhoHienFinishesLateAsync(TasksService.TasksServiceClient api, Assignment half)
    {
        var now = (await AssignmentsAsync(api, PhoHien)).Single(a => a.Id == half.Id);
        var done = new SubmitReportRequest { AssignmentId = now.Id, AssignmentVersion = now.Version, Text = "Đã ban hành và triển khai kế hoạch.", Percent = 100, RequestId = "e2e-pho-hien-2" };
        var report = (await api.SubmitReportAsync(done, As(PhoHienOfficer))).Report;
        await api.ReviewReportAsync(new ReviewReportRequest { ReportId = report.Id, ReportVersion = report.Version, Decision = ReviewDecision.Accept }, As(Appraiser));
        Assert.Equal(AssignmentStatus.CompletedLate, (await AssignmentsAsync(api, PhoHien)).Single(a => a.Id == half.Id).Status);
    }

    /// <summary>
    /// 2026 as of 16/11: Tân Hưng 1 completed on time and 7 overdue, Phố Hiến 1 completed late and 7
    /// overdue, Tiên Lữ 8 overdue — in the API's roll-up, on Sở Nội vụ's dashboard, and in the .xlsx
    /// it exports, read by the column headers.
    /// </summary>
    private async Task TheRollupDashboardAndExcelFileAgreeAsync(TasksService.TasksServiceClient api, IPage page, IFrameLocator frame)
    {
        // (total, not yet due, due soon, overdue, completed on time, completed late)
        var expected = new Dictionary<string, (string Name, int[] Counts)>
        {
            [TanHung] = (TanHungName, [Items, 0, 0, Items - 1, 1, 0]),
            [PhoHien] = (PhoHienName, [Items, 0, 0, Items - 1, 0, 1]),
            [TienLu] = (TienLuName, [Items, 0, 0, Items, 0, 0]),
        };
        var rollup = await api.GetRollupAsync(new GetRollupRequest { Year = 2026 }, As(Appraiser));
        foreach (var (unit, (name, counts)) in expected)
        {
            var row = rollup.Rows.Single(r => r.UnitId == unit);
            Assert.Equal(name, row.UnitName);
            Assert.Equal(counts, new[] { (int)row.Total, Count(row.Counts, AssignmentStatus.NotDue), Count(row.Counts, AssignmentStatus.DueSoon), Count(row.Counts, AssignmentStatus.Overdue), Count(row.Counts, AssignmentStatus.CompletedOnTime), Count(row.Counts, AssignmentStatus.CompletedLate) });
        }

        string[] columns = ["Tổng số", "Chưa đến hạn", "Trong hạn", "Quá hạn", "Hoàn thành đúng hạn", "Hoàn thành quá hạn"];
        await SignInAsync(page, Appraiser);
        await page.GotoAsync(Url($"/don-vi/{HomeAffairs}?tab=danvan.tasks.province-dashboard"));
        await Assertions.Expect(frame.Locator("#pham-vi")).ToContainTextAsync("Năm 2026; toàn tỉnh; số liệu tính đến ngày 16/11/2026");
        var byUnit = await HtmlTableAsync(frame, "theo-don-vi");
        foreach (var (name, counts) in expected.Values)
        {
            var row = byUnit.Single(r => r["Đơn vị"] == name);
            Assert.Equal([.. counts.Select(n => n.ToString(C))], columns.Select(h => row[h]));
        }

        Assert.Equal("12,5 %", byUnit.Single(r => r["Đơn vị"] == TanHungName)["Tỉ lệ hoàn thành"]);
        Assert.Equal("0 %", byUnit.Single(r => r["Đơn vị"] == TienLuName)["Tỉ lệ hoàn thành"]);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("11-tong-hop-so-noi-vu"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => frame.Locator("#xuat-excel").ClickAsync());
        Assert.Equal("Báo cáo tổng hợp nhiệm vụ 16-11-2026.xlsx", download.SuggestedFilename);
        var file = Artifacts.Screenshot("12-bao-cao-tong-hop").Replace(".png", ".xlsx", StringComparison.Ordinal);
        await download.SaveAsAsync(file);

        var summary = XlsxSheet.Open(file, "Tổng hợp");
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", summary["A1"]);
        Assert.Equal("SỞ NỘI VỤ", summary["A2"]);
        Assert.Equal("Hưng Yên, ngày 16 tháng 11 năm 2026", summary["E3"]);
        Assert.Equal("BÁO CÁO TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", summary["A5"]);
        Assert.Equal("(Năm 2026; toàn tỉnh; số liệu tính đến ngày 16/11/2026)", summary["A6"]);
        var table = summary.Table(["Đơn vị", .. columns]);
        foreach (var (name, counts) in expected.Values)
        {
            var row = table.Single(r => r["Đơn vị"] == name);
            Assert.Equal([.. counts.Select(n => n.ToString(C))], columns.Select(h => row[h]));
        }

        // Sheet "Chi tiết": Phố Hiến's eight assignments of 2026, the late one with its completion day.
        var detail = XlsxSheet.Open(file, "Chi tiết").Table("Đơn vị", "Kỳ", "Hạn", "Trạng thái", "Ngày hoàn thành").Where(r => r["Đơn vị"] == PhoHienName && r["Kỳ"] == "2026").ToList();
        Assert.Equal(Items, detail.Count);
        Assert.All(detail, r => Assert.Equal("15/11/2026", r["Hạn"]));
        Assert.Equal(("hoàn thành quá hạn", "16/11/2026"), detail.Where(r => r["Ngày hoàn thành"].Length > 0).Select(r => (r["Trạng thái"], r["Ngày hoàn thành"])).Single());
        Assert.Equal(Items - 1, detail.Count(r => r["Trạng thái"] == "quá hạn"));
    }

    private static Metadata As(string userId) => new() { { "x-danvan-user-id", userId } };

    private static int Count(IEnumerable<StatusCount> counts, AssignmentStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);

    /// <summary>How many entries are the reminder <paramref name="kind"/> of the unit named <paramref name="unitName"/> (its body starts with the unit and period).</summary>
    private static int Count(IEnumerable<InboxEntry> entries, string kind, string unitName) =>
        entries.Count(e => e.Title.StartsWith(kind, StringComparison.Ordinal) && e.Body.StartsWith(unitName + " — kỳ 2026", StringComparison.Ordinal));

    /// <summary>Each reminder kind of the unit, for exactly the assignments whose task contents are given, one each.</summary>
    private static void AssertOncePerAssignment(IReadOnlyList<InboxEntry> entries, IEnumerable<string> kinds, string unitName, IReadOnlyList<string> contents)
    {
        foreach (var kind in kinds)
        {
            var titles = entries.Where(e => e.Title.StartsWith(kind, StringComparison.Ordinal) && e.Body.StartsWith(unitName + " — kỳ 2026", StringComparison.Ordinal)).Select(e => e.Title).ToList();
            Assert.True(titles.Count == contents.Count, $"{unitName}: {titles.Count} reminders \"{kind}\", expected {contents.Count}.");
            // The title carries the start of the task's content: one reminder per assignment, none twice.
            Assert.Equal(contents.Count, titles.Distinct(StringComparer.Ordinal).Count());
            Assert.All(contents, content => Assert.Single(titles, t => content.StartsWith(t[(kind.Length + 2)..].TrimEnd('…'), StringComparison.Ordinal)));
        }
    }

    private static bool IsTaskOf(string flatContent, Assignment assignment) => flatContent == assignment.Task.Content.ReplaceLineEndings(" ").Trim();

    private static async Task<IReadOnlyList<Assignment>> AssignmentsAsync(TasksService.TasksServiceClient api, string unitId) =>
        (await api.ListUnitAssignmentsAsync(new ListUnitAssignmentsRequest { UnitId = unitId, PageSize = 200 }, As(Appraiser))).Assignments;

    /// <summary>The assignment of the unit that has a report waiting for review, and that report.</summary>
    private static async Task<(Assignment Assignment, Report Report)> SubmittedReportAsync(TasksService.TasksServiceClient api, IReadOnlyList<Assignment> assignments)
    {
        foreach (var assignment in assignments)
        {
            var reports = await api.ListReportsAsync(new ListReportsRequest { AssignmentId = assignment.Id }, As(Appraiser));
            if (reports.Reports.FirstOrDefault(r => r.State == ReportState.Submitted) is { } report)
            {
                return (assignment, report);
            }
        }

        throw new InvalidOperationException("No submitted report among the unit's assignments.");
    }

    /// <summary>A table of a tab page as header text → cell text, one entry per body row.</summary>
    private static async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> HtmlTableAsync(IFrameLocator frame, string id)
    {
        var headers = await frame.Locator($"table#{id} thead th").AllInnerTextsAsync();
        var rows = frame.Locator($"table#{id} tbody tr");
        var table = new List<IReadOnlyDictionary<string, string>>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
            table.Add(headers.Zip(cells).ToDictionary(p => p.First.Trim(), p => p.Second.Trim(), StringComparer.Ordinal));
        }

        return table;
    }

    private void MoveClockTo(DateTimeOffset when)
    {
        var step = when - demo.Clock.GetUtcNow();
        Assert.True(step > TimeSpan.Zero, $"The clock is already past {when:dd/MM/yyyy HH:mm}.");
        demo.Clock.Advance(step);
    }

    private string Url(string pathAndQuery) => new Uri(demo.WebAddress, pathAndQuery).AbsoluteUri;

    private async Task SignInAsync(IPage page, string userId)
    {
        await page.GotoAsync(Url("/dang-nhap"));
        await page.Locator($"button[value='{userId}']").ClickAsync();
        // Signed in once the list is on its way (its cookie is set); the page itself is not what the test reads.
        await page.WaitForURLAsync("**/van-ban-den", new() { WaitUntil = WaitUntilState.Commit });
    }
}
