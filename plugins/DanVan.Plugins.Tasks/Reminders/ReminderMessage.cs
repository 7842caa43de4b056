using System.Globalization;
using System.Text;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// The notification of one reminder, in Vietnamese: the task, the document it comes from, the due
/// date (dd/MM/yyyy), to the unit's leaders and văn thư; overdue ones also to the unit the report goes
/// to and the unit that issued the task (escalation), and marked urgent.
/// </summary>
internal static class ReminderMessage
{
    private const int TitleContentLength = 120;
    private const int BodyContentLength = 1500;

    public static SendNotificationRequest Create(TaskRecord task, AssignmentRecord assignment, ReminderKind kind, DateOnly today, DeepLink? unitLink)
    {
        var due = assignment.DueDate ?? throw new ArgumentException("An assignment without a due date has no reminders.", nameof(assignment));
        var dueText = due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var (title, when, severity) = kind switch
        {
            ReminderKind.BeforeDue => ($"Sắp đến hạn ({dueText})", $"còn {due.DayNumber - today.DayNumber} ngày", NotificationSeverity.Warning),
            ReminderKind.OnDue => ($"Hôm nay đến hạn ({dueText})", "hôm nay", NotificationSeverity.Warning),
            _ => ($"Quá hạn (hạn {dueText})", $"đã quá {Math.Max(1, today.DayNumber - due.DayNumber)} ngày", NotificationSeverity.Urgent),
        };

        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{assignment.UnitName} — kỳ {assignment.PeriodKey}").Append('\n')
            .Append("Nhiệm vụ: ").Append(Shorten(task.Content, BodyContentLength)).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"Căn cứ: {Citation(task)}, mục {task.ItemPath}.").Append('\n')
            .Append(CultureInfo.InvariantCulture, $"Hạn: {dueText} ({when}).").Append('\n');
        if (kind == ReminderKind.Overdue)
        {
            body.Append("Đơn vị chưa báo cáo hoàn thành; thông báo này được gửi cả đơn vị giao nhiệm vụ và đơn vị nhận báo cáo.").Append('\n');
        }

        body.Append("Cập nhật tiến độ tại mục “Việc của đơn vị”.");

        var request = new SendNotificationRequest
        {
            IdempotencyKey = ReminderKeys.Notification(assignment.Id, due, kind),
            Title = $"{title}: {Shorten(task.Content, TitleContentLength)}",
            Body = body.ToString(),
            Severity = severity,
            OrgUnitIds = { assignment.UnitId },
            UnitRoles = { Role.UnitLeader, Role.Clerk },
        };
        if (kind == ReminderKind.Overdue)
        {
            // The issuer manages the task; tasks confirmed before migration 2 know only the confirming unit.
            // The via unit ("qua Sở Nội vụ tổng hợp") compiles the reports, so a missing one is its concern too.
            foreach (var unit in new[] { task.ReportToUnitId, task.ReportViaUnitId, task.IssuerUnitId ?? task.CreatedByUnit })
            {
                if (!string.IsNullOrEmpty(unit) && !request.OrgUnitIds.Contains(unit))
                {
                    request.OrgUnitIds.Add(unit);
                }
            }
        }

        if (unitLink is not null)
        {
            request.DeepLink = new DeepLink { Url = unitLink.Url, Title = $"Việc của đơn vị — {assignment.UnitName}" };
        }

        return request;
    }

    private static string Citation(TaskRecord task) =>
        task.DocumentTitle.Length > 0 ? task.DocumentTitle
        : task.DocumentCode.Length > 0 ? $"văn bản số {task.DocumentCode}"
        : $"văn bản {task.DocumentId}";

    private static string Shorten(string text, int length)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= length ? flat : string.Concat(flat.AsSpan(0, length).TrimEnd(), "…");
    }
}
