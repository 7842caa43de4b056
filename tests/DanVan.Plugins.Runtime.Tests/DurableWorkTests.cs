using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.Storage.Jobs;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>The runtime wires plugins to durable jobs and the outbox: event → job → notification at the host.</summary>
public sealed class DurableWorkTests
{
    private const string Reminder = "danvan.testplugins.reminder";

    [Fact]
    public async Task HostEvent_SchedulesAJob_WhoseNotificationTheRuntimeDeliversToTheHost()
    {
        await using var notifications = await FakeNotifications.StartAsync();
        await using var host = await RuntimeHost.StartAsync(configure: o =>
        {
            o.HostAddress = notifications.Address;
            o.HostToken = "runtime-to-host";
        });
        await host.ActivateAsync("reminder", "1.0.0");
        var events = new EventsService.EventsServiceClient(host.Channel);

        await events.PublishEventAsync(new PublishEventRequest { Event = Issued("ev-1", "vb-42") });
        // The same document announced again (another event id) must not schedule a second reminder.
        await events.PublishEventAsync(new PublishEventRequest { Event = Issued("ev-2", "vb-42") });
        var sent = await notifications.First.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("Nhắc việc: văn bản vb-42", sent.Title);
        Assert.Equal(Reminder, sent.PluginId);
        Assert.StartsWith(Reminder + ":", sent.IdempotencyKey, StringComparison.Ordinal);
        Assert.Equal(["xa-tan-hung"], sent.OrgUnitIds);
        var job = await host.Services.GetRequiredService<JobStore>().ForPlugin(Reminder).GetAsync("remind:vb-42");
        Assert.NotNull(job);
        Assert.Equal("remind", job!.JobName);
    }

    [Fact]
    public async Task Jobs_OfAPluginWithoutTheNotificationPermission_CannotReachTheOutbox()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");

        var services = host.Manager.ActiveServices("danvan.testplugins.greeter")!;

        Assert.NotNull(services.GetService<DanVan.Plugins.Jobs.IJobScheduler>());
        Assert.Null(services.GetService<DanVan.Plugins.Jobs.INotificationOutbox>());
    }

    private static Event Issued(string eventId, string documentId) => new()
    {
        EventId = eventId,
        OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        DocumentIssued = new DocumentIssuedEvent { DocumentId = documentId, Document = new() { Id = documentId, Subject = "Kế hoạch" } },
    };
}
