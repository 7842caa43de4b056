using DanVan.Plugins.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// Schedules the daily sweep when the plugin starts (a no-op once it exists: the key is fixed). A
/// failure is logged, not thrown: the plugin's pages matter more, and the next start tries again.
/// </summary>
internal sealed partial class ReminderSweepStarter(IJobScheduler jobs, ILogger<ReminderSweepStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await jobs.ScheduleAsync(new JobRequest { Key = ReminderSweepJob.Key, JobName = ReminderSweepJob.JobName, Schedule = ReminderSweepJob.Schedule }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotScheduled(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily reminder sweep could not be scheduled; reminders of confirmed tasks are still sent")]
    private partial void LogNotScheduled(Exception exception);
}
