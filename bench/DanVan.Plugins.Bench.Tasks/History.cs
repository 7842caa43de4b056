using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Bench.Tasks;

/// <summary>
/// The progress history of an assignment, as a province accumulates it, so the unit view is timed
/// with its reports and extension requests rather than against empty tables. A completed assignment
/// has its final 100 % report, accepted, at the completion time, and about half also an earlier
/// partial one (some returned with a reason). About 4 in 10 open ones of this year report part of the
/// work (half still awaiting review), and past ones never finished mostly did. About 1 in 9 asked for
/// more time: past requests were approved (the due date moved, the original kept) or rejected, this
/// year's open ones may still be pending.
/// </summary>
internal static class History
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    private static readonly string[] Texts =
    [
        "Đã tổ chức hội nghị quán triệt tới toàn thể cán bộ, công chức, viên chức; xây dựng kế hoạch triển khai và phân công nhiệm vụ cụ thể cho từng bộ phận.",
        "Đã lồng ghép nội dung công tác dân vận chính quyền vào chương trình công tác năm; tổ chức 02 buổi đối thoại với Nhân dân tại cơ sở, tiếp nhận 14 ý kiến, kiến nghị.",
        "Đang rà soát, bổ sung quy chế làm việc; đã hoàn thành tự đánh giá, xếp loại kết quả thực hiện công tác dân vận theo tiêu chí của tỉnh.",
        "Đã ban hành văn bản hướng dẫn các thôn, tổ dân phố thực hiện; kết quả được tổng hợp trong báo cáo gửi kèm.",
    ];

    public static void Add(AssignmentRecord a, Random random, List<ReportRecord> reports, List<ExtensionRecord> extensions)
    {
        var due = a.DueDate!.Value;
        var thisYear = a.PeriodKey == "2026";
        var requestedAt = At(due.AddDays(-random.Next(3, 25)));
        if (random.Next(100) < 11 && !(a.CompletedAt < requestedAt))
        {
            var requested = due.AddDays(random.Next(10, 45));
            var state = thisYear && a.State == AssignmentState.Open && random.Next(2) == 0 ? ExtensionState.Pending
                : random.Next(3) < 2 ? ExtensionState.Approved : ExtensionState.Rejected;
            extensions.Add(new ExtensionRecord
            {
                Id = Guid.CreateVersion7(requestedAt),
                AssignmentId = a.Id,
                RequestedDue = requested,
                Reason = "Đơn vị đang chờ số liệu tổng hợp từ các thôn, tổ dân phố; đề nghị gia hạn để báo cáo đầy đủ.",
                RequestedBy = "u-bench-can-bo",
                RequestedAt = requestedAt,
                State = state,
                DecidedBy = state == ExtensionState.Pending ? null : "u-snv-tham-dinh",
                DecidedAt = state == ExtensionState.Pending ? null : Before(requestedAt.AddDays(random.Next(1, 6))),
                DecisionReason = state == ExtensionState.Rejected ? "Thời hạn báo cáo theo quy định của Bộ Nội vụ, không thể lùi." : null,
            });
            if (state == ExtensionState.Approved)
            {
                a.OriginalDueDate = due;
                a.DueDate = requested;
            }
        }

        if (a.CompletedAt is { } done)
        {
            if (random.Next(2) == 0)
            {
                var returned = random.Next(100) < 15;
                reports.Add(Report(a, random, done.AddDays(-random.Next(20, 60)), random.Next(3, 9) * 10, returned ? ReportState.Returned : ReportState.Accepted));
            }

            reports.Add(Report(a, random, done, 100, ReportState.Accepted));
            a.ProgressPercent = 100;
            return;
        }

        if (random.Next(100) < (thisYear ? 40 : 60))
        {
            var percent = random.Next(1, 10) * 10;
            var submitted = thisYear ? Now.AddDays(-random.Next(1, 150)) : At(due.AddDays(-random.Next(1, 30)));
            var state = thisYear && random.Next(2) == 0 ? ReportState.Submitted : ReportState.Accepted;
            reports.Add(Report(a, random, submitted, percent, state));
            a.ProgressPercent = state == ReportState.Accepted ? percent : 0;
        }
    }

    private static ReportRecord Report(AssignmentRecord a, Random random, DateTimeOffset submitted, int percent, ReportState state) => new()
    {
        Id = Guid.CreateVersion7(submitted),
        AssignmentId = a.Id,
        Text = Texts[random.Next(Texts.Length)],
        Percent = percent,
        Evidence = random.Next(3) == 0 ? "[]" : EvidenceJson.Write([new Evidence(EvidenceKind.Link, $"https://{a.UnitId}.hungyen.gov.vn/bao-cao/{a.PeriodKey}", "Báo cáo kết quả thực hiện")]),
        SubmittedBy = "u-bench-can-bo",
        SubmittedUnitId = a.UnitId,
        SubmittedAt = submitted,
        State = state,
        ReviewedBy = state == ReportState.Submitted ? null : "u-snv-tham-dinh",
        ReviewedAt = state == ReportState.Submitted ? null : Before(submitted.AddDays(random.Next(0, 5))),
        ReviewReason = state == ReportState.Returned ? "Báo cáo chưa nêu kết quả cụ thể; đề nghị bổ sung số liệu." : null,
    };

    private static DateTimeOffset Before(DateTimeOffset at) => at < Now ? at : Now;

    private static DateTimeOffset At(DateOnly day) => new(day.Year, day.Month, day.Day, 3, 0, 0, TimeSpan.Zero);
}
