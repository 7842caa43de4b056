using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Jobs;

namespace DanVan.Plugins.TestPlugins.Reminder;

/// <summary>A document issued → a reminder job now, keyed by the document so a repeated event schedules nothing new.</summary>
internal sealed class ScheduleOnIssue(IJobScheduler scheduler, TimeProvider time) : IHostEventHandler
{
    public async ValueTask HandleAsync(Event hostEvent, CancellationToken cancellationToken)
    {
        if (hostEvent.PayloadCase != Event.PayloadOneofCase.DocumentIssued)
        {
            return;
        }

        await scheduler.ScheduleAsync(new JobRequest
        {
            Key = "remind:" + hostEvent.DocumentIssued.DocumentId,
            JobName = RemindJob.JobName,
            Schedule = JobSchedule.Once(time.GetUtcNow()),
            Payload = hostEvent.DocumentIssued.DocumentId,
        }, cancellationToken);
    }
}
