using DanVan.Plugins.Jobs;

namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// Every night at 00:05 Vietnam time, schedules the reminders of open assignments falling due soon.
/// Confirmation schedules reminders at once; this catches what it cannot see: assignments created by
/// another path, and due dates moved after every reminder of the old date had run.
/// </summary>
internal sealed class ReminderSweepJob(ReminderScheduler scheduler) : IJobHandler
{
    public const string JobName = "reminder-sweep";

    public const string Key = "reminders:daily-sweep";

    public static readonly JobSchedule Schedule = JobSchedule.Daily(new TimeOnly(0, 5), JobSchedule.VietnamOffset);

    public string Name => JobName;

    public Task ExecuteAsync(JobContext context, CancellationToken cancellationToken) =>
        scheduler.ScheduleUpcomingAsync(context.DueAt, cancellationToken);
}
