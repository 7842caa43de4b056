using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Data;
using DanVan.Plugins.Jobs;
using DanVan.Plugins.Tasks.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// Sends one reminder through the runtime's outbox (delivered when the e-office answers, even if it
/// is down at the time): to the unit's leaders and văn thư, and — when overdue — to the report-to
/// and issuing units too. An assignment completed meanwhile gets nothing. A job scheduled for a due
/// date that has since moved (an approved extension) schedules the new date's reminders instead.
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

        if (due != payload.DueDate)
        {
            await services.GetRequiredService<ReminderScheduler>().ScheduleAsync(assignment, context.DueAt, cancellationToken).ConfigureAwait(false);
            return;
        }

        var task = await data.FindAsync<TaskRecord>(assignment.TaskId, cancellationToken).ConfigureAwait(false);

        // Only a plugin granted notifications:send gets an outbox; without it there is no one to tell.
        if (task is null || services.GetService<INotificationOutbox>() is not { } outbox)
        {
            return;
        }

        var link = await services.GetRequiredService<UnitLinks>().FindAsync(assignment.UnitId, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(context.DueAt.ToOffset(JobSchedule.VietnamOffset).DateTime);
        await outbox.EnqueueAsync(ReminderMessage.Create(task, assignment, payload.Kind, today, link), cancellationToken).ConfigureAwait(false);
    }
}
