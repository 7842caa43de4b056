using DanVan.Plugins.Data;
using DanVan.Plugins.Jobs;
using DanVan.Plugins.Tasks.Storage;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// Schedules the reminders of open assignments as durable one-off jobs at 08:00 Vietnam time: N days
/// before the due date, on it, and the day after (overdue, escalated). Keys name the assignment, the
/// due date and the reminder, so scheduling again (confirmation, the nightly sweep, a job healing
/// itself) adds nothing and each reminder runs once. Assignments are taken up when they fall due
/// within the sweep's window (yesterday to N + 1 days ahead), not years ahead at confirmation: a
/// province directive has thousands of assignments, most of them for later periods.
/// </summary>
internal sealed partial class ReminderScheduler(IJobScheduler jobs, IPluginData data, TasksOptions options, TimeProvider time, ILogger<ReminderScheduler> logger)
{
    public const string JobName = "assignment-reminder";

    public static readonly TimeOnly ReminderTime = new(8, 0);

    /// <summary>
    /// After tasks of the document were confirmed: schedules the reminders of its assignments within
    /// the window. Never throws (the tasks are saved; the nightly sweep schedules what this missed).
    /// </summary>
    public async Task ScheduleAfterConfirmationAsync(string documentId, CancellationToken cancellationToken)
    {
        try
        {
            var taskIds = (await data.ListAsync(new Specification<TaskRecord>().Where(t => t.DocumentId == documentId), cancellationToken).ConfigureAwait(false))
                .Select(t => t.Id).ToList();
            if (taskIds.Count > 0)
            {
                await ScheduleWindowAsync(time.GetUtcNow(), taskIds, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotScheduled(ex, documentId);
        }
    }

    /// <summary>Schedules the reminders within the window of the given tasks' open assignments (new periods generated ahead).</summary>
    public Task<int> ScheduleForTasksAsync(IReadOnlyCollection<Guid> taskIds, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        ScheduleWindowAsync(asOf, [.. taskIds], cancellationToken);

    /// <summary>
    /// The nightly sweep as of <paramref name="asOf"/> (its slot, also when caught up later): schedules
    /// the reminders of every open assignment falling due from the day before to N + 1 days after.
    /// </summary>
    public Task<int> ScheduleUpcomingAsync(DateTimeOffset asOf, CancellationToken cancellationToken) =>
        ScheduleWindowAsync(asOf, null, cancellationToken);

    /// <summary>
    /// Schedules the three reminders of one assignment for its current due date, as they stand at
    /// <paramref name="asOf"/>: one whose time is before <paramref name="asOf"/> is scheduled for
    /// <paramref name="asOf"/> while it is still true (the "before" reminder until the due date's,
    /// the due date's until the overdue one; the overdue one always), else left out. Returns how many jobs are new.
    /// </summary>
    public async Task<int> ScheduleAsync(AssignmentRecord assignment, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (assignment.State != AssignmentState.Open || assignment.DueDate is not { } due)
        {
            return 0;
        }

        var times = Times(due);
        var created = 0;
        for (var i = 0; i < times.Length; i++)
        {
            var (kind, at) = times[i];
            var overtaken = i + 1 < times.Length && times[i + 1].At <= asOf;
            if (at < asOf && overtaken)
            {
                continue;
            }

            var job = await jobs.ScheduleAsync(new JobRequest
            {
                Key = ReminderKeys.Job(assignment.Id, due, kind),
                JobName = JobName,
                Schedule = JobSchedule.Once(at < asOf ? asOf : at),
                Payload = JobRequest.Json(new ReminderPayload(assignment.Id, kind, due)),
            }, cancellationToken).ConfigureAwait(false);
            created += job.Created ? 1 : 0;
        }

        return created;
    }

    private async Task<int> ScheduleWindowAsync(DateTimeOffset asOf, List<Guid>? taskIds, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(asOf.ToOffset(JobSchedule.VietnamOffset).DateTime);
        DateOnly? from = today.AddDays(-1);
        DateOnly? to = today.AddDays(options.ReminderDaysBefore + 1);
        var spec = taskIds is null
            ? new Specification<AssignmentRecord>().Where(a => a.State == AssignmentState.Open && a.DueDate >= from && a.DueDate <= to)
            : new Specification<AssignmentRecord>().Where(a => taskIds.Contains(a.TaskId) && a.State == AssignmentState.Open && a.DueDate >= from && a.DueDate <= to);
        var created = 0;
        foreach (var assignment in await data.ListAsync(spec, cancellationToken).ConfigureAwait(false))
        {
            created += await ScheduleAsync(assignment, asOf, cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    private (ReminderKind Kind, DateTimeOffset At)[] Times(DateOnly due) =>
    [
        (ReminderKind.BeforeDue, At(due.AddDays(-options.ReminderDaysBefore))),
        (ReminderKind.OnDue, At(due)),
        (ReminderKind.Overdue, At(due.AddDays(1))),
    ];

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(ReminderTime), JobSchedule.VietnamOffset);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders of document {DocumentId} were not scheduled; the nightly sweep will")]
    private partial void LogNotScheduled(Exception exception, string documentId);
}
