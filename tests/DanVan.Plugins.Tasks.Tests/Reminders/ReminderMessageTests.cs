using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Reminders;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Tests.Reminders;

/// <summary>The reminder's text and recipients, without a runtime.</summary>
public sealed class ReminderMessageTests
{
    private static readonly Guid AssignmentId = Guid.Parse("01a1950c-b380-7000-8000-000000000001");

    [Fact]
    public void LongContent_KeepsTheTitleWithinTheHostsLimit_AndTheWholeSentenceInTheBody()
    {
        var content = string.Concat(Enumerable.Repeat("Tuyên truyền, phổ biến sâu rộng nội dung Chỉ thị đến cán bộ, công chức. ", 10));

        var message = ReminderMessage.Create(Task(content), Assignment(), ReminderKind.BeforeDue, new DateOnly(2026, 11, 12), null);

        Assert.InRange(message.Title.Length, 1, 200);
        Assert.EndsWith("…", message.Title, StringComparison.Ordinal);
        Assert.StartsWith("Sắp đến hạn (15/11/2026): Tuyên truyền", message.Title, StringComparison.Ordinal);
        Assert.Contains("Hạn: 15/11/2026 (còn 3 ngày).", message.Body, StringComparison.Ordinal);
        Assert.Null(message.DeepLink);
        Assert.Equal($"danvan.tasks:{AssignmentId:N}:20261115:BeforeDue", message.IdempotencyKey);
    }

    [Fact]
    public void OnlyTheOverdueReminder_GoesBeyondTheUnit_ToTheReportToViaAndIssuingUnits()
    {
        var task = Task("Báo cáo kết quả thực hiện.");
        task.ReportToUnitId = "ubnd-tinh-hung-yen";
        task.ReportViaUnitId = "so-noi-vu-hung-yen";
        task.IssuerUnitId = "ubnd-tinh-hung-yen";

        var onDue = ReminderMessage.Create(task, Assignment(), ReminderKind.OnDue, new DateOnly(2026, 11, 15), null);
        var overdue = ReminderMessage.Create(task, Assignment(), ReminderKind.Overdue, new DateOnly(2026, 11, 16), null);

        Assert.Equal(["xa-tan-hung"], onDue.OrgUnitIds);
        Assert.Equal(NotificationSeverity.Warning, onDue.Severity);
        Assert.Equal(["xa-tan-hung", "ubnd-tinh-hung-yen", "so-noi-vu-hung-yen"], overdue.OrgUnitIds);
        Assert.Equal([Role.UnitLeader, Role.Clerk], overdue.UnitRoles);
        Assert.Equal(NotificationSeverity.Urgent, overdue.Severity);
        Assert.Contains("Hạn: 15/11/2026 (đã quá 1 ngày).", overdue.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentWithoutATitle_IsCitedByItsNumber()
    {
        var task = Task("Rà soát quy chế dân chủ.");
        task.DocumentTitle = "";
        task.DocumentCode = "05/CT-UBND";

        var message = ReminderMessage.Create(task, Assignment(), ReminderKind.OnDue, new DateOnly(2026, 11, 15), new DeepLink { Url = "https://vpdt.example/don-vi/xa-tan-hung" });

        Assert.Contains("Căn cứ: văn bản số 05/CT-UBND, mục 2.", message.Body, StringComparison.Ordinal);
        Assert.Equal(("https://vpdt.example/don-vi/xa-tan-hung", "Việc của đơn vị — Ủy ban nhân dân xã Tân Hưng"), (message.DeepLink.Url, message.DeepLink.Title));
    }

    private static TaskRecord Task(string content) => new()
    {
        Id = Guid.NewGuid(),
        DocumentId = "vb-001",
        DocumentTitle = "Chỉ thị số 05/CT-UBND ngày 21/02/2022",
        ItemPath = "2",
        Content = content,
        CreatedByUnit = "xa-tan-hung",
    };

    private static AssignmentRecord Assignment() => new()
    {
        Id = AssignmentId,
        UnitId = "xa-tan-hung",
        UnitName = "Ủy ban nhân dân xã Tân Hưng",
        PeriodKey = "2026",
        DueDate = new DateOnly(2026, 11, 15),
        State = AssignmentState.Open,
    };
}
