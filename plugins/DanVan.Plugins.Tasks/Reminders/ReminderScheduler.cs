using DanVan.Plugins.Data;
using DanVan.Plugins.Jobs;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// Schedules the reminders of a document's open assignments as durable jobs, at 08:00 Vietnam time:
/// N days before the due date, on it, and the day after (overdue). Keys name the assignment and the
/// reminder, so scheduling again (another confirmation) adds nothing and each reminder runs once.
/// A reminder whose time has passed is not sent late, except the overdue one, which is sent now.
/// </summary>
internal sealed class ReminderScheduler(IJobScheduler jobs, IPluginData data, TasksOptions options, TimeProvider time)
{
    public const string JobName = "assignment-reminder";

    private static readonly TimeOnly ReminderTime = new(8, 0);

    public async Task<int> ScheduleForDocumentAsync(string documentId, CancellationToken cancellationToken)
    {
        var tasks = await data.ListAsync(new Specification<TaskRecord>().Where(t => t.DocumentId == documentId), cancellationToken).ConfigureAwait(false);
        var taskIds = tasks.Select(t => t.Id).ToList();
        if (taskIds.Count == 0)
        {
            return 0;
        }

        var open = await data.ListAsync(
            new Specification<AssignmentRecord>().Where(a => taskIds.Contains(a.TaskId) && a.State == AssignmentState.Open && a.DueDate != null),
            cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var created = 0;
        foreach (var assignment in open)
        {
            foreach (var (kind, at) in Times(assignment.DueDate!.Value))
            {
                var when = kind == ReminderKind.Overdue && at < now ? now : at;
                if (when < now)
                {
                    continue;
                }

                var job = await jobs.ScheduleAsync(new JobRequest
                {
                    Key = $"reminder:{assignment.Id:N}:{kind}",
                    JobName = JobName,
                    Schedule = JobSchedule.Once(when),
                    Payload = JobRequest.Json(new ReminderPayload(assignment.Id, kind)),
                }, cancellationToken).ConfigureAwait(false);
                created += job.Created ? 1 : 0;
            }
        }

        return created;
    }

    private IEnumerable<(ReminderKind Kind, DateTimeOffset At)> Times(DateOnly due)
    {
        yield return (ReminderKind.BeforeDue, At(due.AddDays(-options.ReminderDaysBefore)));
        yield return (ReminderKind.OnDue, At(due));
        yield return (ReminderKind.Overdue, At(due.AddDays(1)));
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(ReminderTime), JobSchedule.VietnamOffset);
}
