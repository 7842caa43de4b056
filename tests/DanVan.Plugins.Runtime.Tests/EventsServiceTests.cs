using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class EventsServiceTests
{
    private static readonly Timestamp OccurredAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public async Task PublishEvent_NewThenRetried_AcceptedOnceDeliveredOnceThenDuplicate()
    {
        await using var host = await StartAsync();
        var events = new EventsService.EventsServiceClient(host.Channel);

        var first = await events.PublishEventAsync(new PublishEventRequest { Event = Issued("ev-1", "vb-1") });
        var retry = await events.PublishEventAsync(new PublishEventRequest { Event = Issued("ev-1", "vb-1") });

        Assert.Equal((1, 0, 0), (first.AcceptedCount, first.DuplicateCount, first.Rejected.Count));
        Assert.Equal((0, 1, 0), (retry.AcceptedCount, retry.DuplicateCount, retry.Rejected.Count));
        Assert.Equal(["ev-1"], await ReceivedAsync(host));
    }

    [Fact]
    public async Task PublishEvents_MixedBatch_CountsAddUp_InvalidOnesRejectedWithReasons_ValidOnesDeliveredInOrder()
    {
        await using var host = await StartAsync();
        var events = new EventsService.EventsServiceClient(host.Channel);
        await events.PublishEventAsync(new PublishEventRequest { Event = Issued("ev-0", "vb-0") });
        var batch = new[]
        {
            Issued("ev-2", "vb-2"),
            Issued("ev-0", "vb-0"),
            new Event { EventId = "ev-3", OccurredAt = OccurredAt, UserChanged = new UserChangedEvent { UserId = "u-an" } },
            Issued("ev-2", "vb-2"),
            Issued("", "vb-4"),
            new Event { EventId = "ev-5", DocumentRevoked = new DocumentRevokedEvent { DocumentId = "vb-5" } },
            new Event { EventId = "ev-6", OccurredAt = OccurredAt },
            Issued(new string('x', 129), "vb-7"),
        };

        using var call = events.PublishEvents();
        foreach (var e in batch)
        {
            await call.RequestStream.WriteAsync(new PublishEventsRequest { Event = e });
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;

        Assert.Equal((2, 2), (response.AcceptedCount, response.DuplicateCount));
        Assert.Equal(batch.Length, response.AcceptedCount + response.DuplicateCount + response.Rejected.Count);
        Assert.Equal(["", "ev-5", "ev-6", new string('x', 129)], response.Rejected.Select(r => r.EventId));
        Assert.Equal("Thiếu event_id (event_id is empty).", response.Rejected[0].Reason);
        Assert.Contains("occurred_at", response.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal("Sự kiện không có nội dung (the event has no payload).", response.Rejected[2].Reason);
        Assert.Contains("128", response.Rejected[3].Reason, StringComparison.Ordinal);
        Assert.Equal(["ev-0", "ev-2", "ev-3"], await ReceivedAsync(host));
    }

    [Fact]
    public async Task PublishEvent_PayloadFromANewerHost_AcceptedButNotDelivered()
    {
        await using var host = await StartAsync();
        var events = new EventsService.EventsServiceClient(host.Channel);
        // Field 99 is a payload this runtime's contract does not know.
        var known = new Event { EventId = "ev-new", OccurredAt = OccurredAt }.ToByteArray();
        var fromNewerHost = Event.Parser.ParseFrom([.. known, .. new byte[] { 0x9A, 0x06, 0x02, 0x08, 0x01 }]);

        var response = await events.PublishEventAsync(new PublishEventRequest { Event = fromNewerHost });

        Assert.Equal(Event.PayloadOneofCase.None, fromNewerHost.PayloadCase);
        Assert.Equal((1, 0, 0), (response.AcceptedCount, response.DuplicateCount, response.Rejected.Count));
        Assert.Empty(await ReceivedAsync(host));
    }

    [Fact]
    public async Task PublishEvent_OneHandlerThrows_EventStillAcceptedAndTheNextHandlerGetsIt()
    {
        await using var host = await StartAsync();
        var events = new EventsService.EventsServiceClient(host.Channel);

        // The Greeter's first handler throws on document "vb-loi"; its recording handler comes after it.
        var response = await events.PublishEventAsync(new PublishEventRequest { Event = Issued("ev-loi", "vb-loi") });
        var next = await events.PublishEventAsync(new PublishEventRequest { Event = Issued("ev-sau", "vb-8") });

        Assert.Equal(1, response.AcceptedCount);
        Assert.Equal(1, next.AcceptedCount);
        Assert.Equal(["ev-loi", "ev-sau"], await ReceivedAsync(host));
    }

    [Fact]
    public async Task PublishEvents_MoreThanTheStreamLimit_ResourceExhausted()
    {
        await using var host = await StartAsync(o => o.MaxEventsPerStream = 3);
        using var call = new EventsService.EventsServiceClient(host.Channel).PublishEvents();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            for (var i = 0; i < 4; i++)
            {
                await call.RequestStream.WriteAsync(new PublishEventsRequest { Event = Issued("ev-" + i, "vb-" + i) });
            }

            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        });

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task PublishEvent_AsAdmin_PermissionDenied()
    {
        await using var host = await StartAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => new EventsService.EventsServiceClient(host.AdminChannel).PublishEventAsync(new PublishEventRequest { Event = Issued("ev-1", "vb-1") }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task PublishEvent_AfterUpgrade_NewVersionReceives_RepeatsOfOldEventsStayDuplicates()
    {
        await using var host = await StartAsync();
        var events = new EventsService.EventsServiceClient(host.Channel);
        await events.PublishEventAsync(new PublishEventRequest { Event = Issued("ev-1", "vb-1") });

        await host.ActivateAsync("greeter", "2.0.0");
        var repeat = await events.PublishEventAsync(new PublishEventRequest { Event = Issued("ev-1", "vb-1") });
        await events.PublishEventAsync(new PublishEventRequest { Event = Issued("ev-2", "vb-2") });
        var received = await new GreeterService.GreeterServiceClient(host.Channel).ListReceivedEventsAsync(new ListReceivedEventsRequest());

        Assert.Equal(1, repeat.DuplicateCount);
        Assert.Equal("2.0.0", received.Version);
        Assert.Equal(["ev-2"], received.EventIds);
    }

    private static async Task<RuntimeHost> StartAsync(Action<PluginRuntimeOptions>? configure = null)
    {
        var host = await RuntimeHost.StartAsync(configure: configure);
        await host.ActivateAsync("greeter", "1.0.0");
        return host;
    }

    private static Event Issued(string eventId, string documentId) =>
        new() { EventId = eventId, OccurredAt = OccurredAt, DocumentIssued = new DocumentIssuedEvent { DocumentId = documentId } };

    private static async Task<string[]> ReceivedAsync(RuntimeHost host) =>
        [.. (await new GreeterService.GreeterServiceClient(host.Channel).ListReceivedEventsAsync(new ListReceivedEventsRequest())).EventIds];
}
