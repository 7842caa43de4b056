using DanVan.Plugins.Jobs;
using DanVan.Plugins.Tasks.Assignments;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// Schedules the nightly jobs when the plugin starts: the generation of recurring tasks' next periods
/// and the reminder sweep (each a no-op once it exists: the keys are fixed). A failure is logged, not
/// thrown: the plugin's pages matter more, and the next start tries again.
/// </summary>
internal sealed partial class ReminderSweepStarter(IJobScheduler jobs, ILogger<ReminderSweepStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await jobs.ScheduleAsync(new JobRequest { Key = PeriodGenerationJob.Key, JobName = PeriodGenerationJob.JobName, Schedule = PeriodGenerationJob.Schedule }, cancellationToken).ConfigureAwait(false);
            await jobs.ScheduleAsync(new JobRequest { Key = ReminderSweepJob.Key, JobName = ReminderSweepJob.JobName, Schedule = ReminderSweepJob.Schedule }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotScheduled(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The nightly jobs (period generation, reminder sweep) could not be scheduled; reminders of confirmed tasks are still sent")]
    private partial void LogNotScheduled(Exception exception);
}
