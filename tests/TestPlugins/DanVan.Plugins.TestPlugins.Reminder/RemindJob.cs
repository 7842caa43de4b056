using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Jobs;

namespace DanVan.Plugins.TestPlugins.Reminder;

/// <summary>Queues the reminder in the outbox; the runtime sends it to the host, retrying while the host is down.</summary>
internal sealed class RemindJob(INotificationOutbox outbox) : IJobHandler
{
    public const string JobName = "remind";

    public string Name => JobName;

    public Task ExecuteAsync(JobContext context, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(new SendNotificationRequest
        {
            Title = "Nhắc việc: văn bản " + context.Payload,
            Body = "Văn bản mới cần giao nhiệm vụ cho các đơn vị.",
            OrgUnitIds = { "xa-tan-hung" },
            UnitRoles = { Role.UnitLeader },
        }, cancellationToken);
}
