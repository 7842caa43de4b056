using System.Globalization;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Data;
using DanVan.Plugins.Jobs;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// Sends one reminder through the host's notifications (via the runtime's outbox, so it is delivered
/// even if the e-office is down at the time): to the unit's leaders and clerks, and — when overdue — to
/// the leaders of the unit that issued the task too. An assignment completed meanwhile gets nothing.
/// The idempotency key names the assignment and the reminder, so the host shows it once.
/// </summary>
internal sealed class AssignmentReminderJob(IPluginData data, IServiceProvider services) : IJobHandler
{
    public string Name => ReminderScheduler.JobName;

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        var payload = context.PayloadAs<ReminderPayload>() ?? throw new InvalidOperationException("A reminder job without its payload.");
        var assignment = await data.FindAsync<AssignmentRecord>(payload.AssignmentId, cancellationToken).ConfigureAwait(false);
        if (assignment is null || assignment.State != AssignmentState.Open || assignment.DueDate is not { } due)
        {
            return;
        }

        var task = await data.FindAsync<TaskRecord>(assignment.TaskId, cancellationToken).ConfigureAwait(false);
        if (task is null)
        {
            return;
        }

        // Only a plugin granted notifications:send gets an outbox; without it there is no one to tell.
        if (services.GetService(typeof(INotificationOutbox)) is not INotificationOutbox outbox)
        {
            return;
        }

        var dueText = due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var (title, severity) = payload.Kind switch
        {
            ReminderKind.BeforeDue => ($"Sắp đến hạn ({dueText}): {Short(task.Content)}", NotificationSeverity.Warning),
            ReminderKind.OnDue => ($"Hôm nay đến hạn: {Short(task.Content)}", NotificationSeverity.Warning),
            _ => ($"Quá hạn từ {dueText}: {Short(task.Content)}", NotificationSeverity.Urgent),
        };
        var request = new SendNotificationRequest
        {
            IdempotencyKey = $"danvan.tasks:{assignment.Id:N}:{payload.Kind}",
            Title = title,
            Body = $"{assignment.UnitName} — kỳ {assignment.PeriodKey}, hạn {dueText}. Căn cứ: {task.DocumentTitle}, mục {task.ItemPath}.",
            Severity = severity,
            OrgUnitIds = { assignment.UnitId },
            UnitRoles = { Role.UnitLeader, Role.Clerk },
        };
        if (payload.Kind == ReminderKind.Overdue && task.CreatedByUnit is { Length: > 0 } issuer && issuer != assignment.UnitId)
        {
            request.OrgUnitIds.Add(issuer);
        }

        await outbox.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static string Short(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80).TrimEnd(), "…");
}
