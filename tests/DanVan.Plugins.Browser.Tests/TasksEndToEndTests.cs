using DanVan.Plugins.Browser.Tests.Infrastructure;
using DanVan.Plugins.Contracts.Tasks.V1;
using DanVan.Plugins.Grpc;
using Metadata = DanVan.Plugins.Grpc.Metadata;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;

namespace DanVan.Plugins.Browser.Tests;

/// <summary>
/// Issue 6 end to end on the sample e-office with the seed directive 001 ("trước ngày 15 tháng 11 hằng
/// năm"), through the Tasks API (danvan.tasks.v1, as the e-office host acting for officers) and the
/// browser: Sở Nội vụ creates the tasks; xã Tân Hưng reports done in the browser and Sở Nội vụ accepts;
/// phường Phố Hiến reports half done through the API; the fake clock passes the deadline; Phố Hiến's
/// leader finds the overdue reminder in the e-office's "Thông báo", its unit tab says "quá hạn"; Sở Nội
/// vụ's roll-up counts both, and its Excel export opens with the same figures.
/// </summary>
public sealed class TasksEndToEndTests(BrowserFixture browser, ClockDemoFixture demo) : IClassFixture<BrowserFixture>, IClassFixture<ClockDemoFixture>
{
    private const string Directive001 = "vb-001-chi-thi-ubnd-tinh-2022";
    private const string Appraiser = "u-snv-tham-dinh";
    private const string TanHung = "xa-tan-hung";
    private const string PhoHien = "phuong-pho-hien";
    private const string PhoHienOfficer = "u-pho-hien-can-bo";
    private const string PhoHienChairman = "u-pho-hien-chu-tich";

    [Fact]
    public async Task From_directive_001_to_reports_reminders_overdue_rollup_and_the_excel_file()
    {
        var api = new TasksService.TasksServiceClient(demo.Runtime);

        // Sở Nội vụ (001 reports "qua Sở Nội vụ") confirms every item of the directive through the API.
        var confirm = new ConfirmDraftRequest { DocumentId = Directive001 };
        confirm.Items.AddRange(Enumerable.Range(1, 8).Select(i => new ItemConfirmation { ItemPath = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var created = await api.ConfirmDraftAsync(confirm, As(Appraiser));
        Assert.Equal(8, created.TasksCreated);

        // Xã Tân Hưng's officer reports the most urgent assignment done, in the e-office page.
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 1366, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "u-tan-hung-can-bo");
        await page.GotoAsync(new Uri(demo.WebAddress, $"/don-vi/{TanHung}?tab=danvan.tasks.unit-tasks").AbsoluteUri);
        var frame = page.FrameLocator("iframe[data-plugin='danvan.tasks']");
        await frame.Locator("summary", new() { HasText = "Báo cáo tiến độ" }).First.ClickAsync();
        await frame.Locator("textarea[name='noi-dung']").First.FillAsync("Đã quán triệt Chỉ thị tới cán bộ, công chức xã và 12 thôn.");
        await frame.Locator("input[name='phan-tram']").First.FillAsync("100");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo tiến độ" }).First.ClickAsync();
        await Assertions.Expect(frame.Locator("#thong-bao")).ToContainTextAsync("Đã gửi báo cáo tiến độ 100%");

        // Sở Nội vụ accepts it through the API: the assignment is completed on time (reported before 15/11).
        var tanHung = await AssignmentsAsync(api, TanHung);
        var (reported, report) = await SubmittedReportAsync(api, tanHung);
        var accepted = await api.ReviewReportAsync(new ReviewReportRequest { ReportId = report.Id, ReportVersion = report.Version, Decision = ReviewDecision.Accept }, As(Appraiser));
        Assert.Equal(ReportState.Accepted, accepted.Report.State);

        // Phường Phố Hiến's officer reports half of the same item through the API, with a link as evidence.
        var phoHien = (await AssignmentsAsync(api, PhoHien)).Single(a => a.TaskId == reported.TaskId && a.PeriodKey == reported.PeriodKey);
        var half = new SubmitReportRequest { AssignmentId = phoHien.Id, AssignmentVersion = phoHien.Version, Text = "Đang xây dựng kế hoạch triển khai.", Percent = 50, RequestId = "e2e-pho-hien-1" };
        half.Evidence.Add(new Evidence { Kind = EvidenceKind.Link, Reference = "https://phohien.hungyen.gov.vn/ke-hoach-dan-van", Title = "Dự thảo kế hoạch" });
        var halfReport = (await api.SubmitReportAsync(half, As(PhoHienOfficer))).Report;
        Assert.Equal(ReportState.Submitted, halfReport.State);
        // Progress counts once the issuing side accepts it; 50 % leaves the assignment open.
        await api.ReviewReportAsync(new ReviewReportRequest { ReportId = halfReport.Id, ReportVersion = halfReport.Version, Decision = ReviewDecision.Accept }, As(Appraiser));

        // The deadline passes: 16/11/2026 09:00 in Hà Nội. Before-, on- and after-due reminders all fall due at once.
        demo.Clock.Advance(new DateTimeOffset(2026, 11, 16, 2, 0, 0, TimeSpan.Zero) - demo.Clock.GetUtcNow());
        var phoHienNow = (await AssignmentsAsync(api, PhoHien)).Single(a => a.Id == phoHien.Id);
        var tanHungNow = (await AssignmentsAsync(api, TanHung)).Single(a => a.Id == reported.Id);
        Assert.Equal((AssignmentStatus.Overdue, 50), (phoHienNow.Status, phoHienNow.ProgressPercent));
        Assert.Equal(AssignmentStatus.CompletedOnTime, tanHungNow.Status);

        // Phố Hiến's chairman finds the overdue reminder in the e-office's own notifications, once.
        await SignInAsync(page, PhoHienChairman);
        // One overdue reminder per overdue assignment of the unit (each item of 001 is its own assignment), each once.
        var overdue = (await AssignmentsAsync(api, PhoHien)).Count(a => a.Status == AssignmentStatus.Overdue && a.PeriodKey == "2026");
        var inbox = await InboxWhenItHasAsync(page, "Quá hạn (hạn 15/11/2026)", overdue);
        Assert.Contains("Ủy ban nhân dân phường Phố Hiến", inbox, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("09-thong-bao-qua-han"), FullPage = true });
        await page.GotoAsync(new Uri(demo.WebAddress, $"/don-vi/{PhoHien}?tab=danvan.tasks.unit-tasks").AbsoluteUri);
        await Assertions.Expect(frame.Locator($"li[data-status='{nameof(AssignmentStatus.Overdue)}']").First).ToContainTextAsync("quá hạn");

        // Sở Nội vụ's roll-up for 2026 counts both (API), and its dashboard exports the same figures to Excel.
        var rollup = await api.GetRollupAsync(new GetRollupRequest { Year = 2026 }, As(Appraiser));
        Assert.Equal(1, Count(rollup.Rows.Single(r => r.UnitId == TanHung).Counts, AssignmentStatus.CompletedOnTime));
        Assert.True(Count(rollup.Rows.Single(r => r.UnitId == PhoHien).Counts, AssignmentStatus.Overdue) >= 1);
        await SignInAsync(page, Appraiser);
        await page.GotoAsync(new Uri(demo.WebAddress, "/don-vi/so-noi-vu-hung-yen?tab=danvan.tasks.province-dashboard").AbsoluteUri);
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("Ủy ban nhân dân xã Tân Hưng");
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("10-tong-hop-so-noi-vu"), FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => frame.Locator("#xuat-excel").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var file = Artifacts.Screenshot("11-bao-cao-tong-hop").Replace(".png", ".xlsx", StringComparison.Ordinal);
        await download.SaveAsAsync(file);

        var cells = SheetTexts(file);
        Assert.Contains("BÁO CÁO TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", cells.SelectMany(r => r));
        var tanHungRow = cells.First(r => r.Contains("Ủy ban nhân dân xã Tân Hưng"));
        Assert.Contains(Count(rollup.Rows.Single(r => r.UnitId == TanHung).Counts, AssignmentStatus.CompletedOnTime).ToString(System.Globalization.CultureInfo.InvariantCulture), tanHungRow);
        Assert.Contains(rollup.Rows.Single(r => r.UnitId == TanHung).Total.ToString(System.Globalization.CultureInfo.InvariantCulture), tanHungRow);
    }

    private static Metadata As(string userId) => new() { { "x-danvan-user-id", userId } };

    private static int Count(IEnumerable<StatusCount> counts, AssignmentStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);

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

    /// <summary>
    /// The officer's "Thông báo" page once it shows <paramref name="text"/> <paramref name="times"/> times. Reminders travel through the
    /// runtime's durable jobs and outbox to the e-office after the clock moved, asynchronously, and the
    /// e-office offers no push to a test; so the page, the state an officer observes, is polled (every
    /// 250 ms, at most a minute of wall time).
    /// </summary>
    private async Task<string> InboxWhenItHasAsync(IPage page, string text, int times)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            await page.GotoAsync(new Uri(demo.WebAddress, "/thong-bao").AbsoluteUri);
            var body = await page.Locator("main").InnerTextAsync();
            var seen = body.Split(text).Length - 1;
            if (seen >= times || DateTime.UtcNow > until)
            {
                Assert.Equal(times, seen); // each once, not once per retry
                return body;
            }

            await page.WaitForTimeoutAsync(250);
        }
    }

    private async Task SignInAsync(IPage page, string userId)
    {
        await page.GotoAsync(new Uri(demo.WebAddress, "/dang-nhap").AbsoluteUri);
        await page.Locator($"button[value='{userId}']").ClickAsync();
        await page.WaitForURLAsync("**/van-ban-den");
    }

    /// <summary>Every row of every sheet as its cells' texts (shared strings resolved).</summary>
    private static List<List<string>> SheetTexts(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return [.. workbook.WorksheetParts
            .SelectMany(part => part.Worksheet.Descendants<Row>())
            .Select(row => row.Elements<Cell>().Select(cell => cell.DataType?.Value == CellValues.SharedString
                ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue?.Text ?? string.Empty).ToList())];
    }
}
