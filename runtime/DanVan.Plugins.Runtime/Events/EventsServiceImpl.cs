using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Tabs;

namespace DanVan.Plugins.Runtime.Events;

/// <summary>
/// danvan.runtime.v1.EventsService. An event is validated (a broken one is rejected for good), its id
/// claimed in the runtime's database (a repeat within 30 days, from any runtime instance on that database,
/// is counted as a duplicate and not delivered again; see <see cref="DurableEventIds"/>), then delivered
/// to the active plugins before it is acknowledged as accepted; events of a stream are delivered in
/// stream order as they arrive. "Accepted" means "delivered to every active plugin's handlers". If the
/// database cannot be reached the call fails UNAVAILABLE and the host retries.
/// </summary>
internal sealed class EventsServiceImpl(EventDispatcher dispatcher, IEventIdLedger ledger, TabUserDirectory users, PluginRuntimeOptions options) : EventsService.EventsServiceBase
{
    public override async Task<PublishEventResponse> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        HostCallers.Require(context, options);
        var response = new PublishEventResponse();
        switch (await HandleAsync(request.Event))
        {
            case (Outcome.Accepted, _):
                response.AcceptedCount = 1;
                break;
            case (Outcome.Duplicate, _):
                response.DuplicateCount = 1;
                break;
            case (_, var rejected):
                response.Rejected.Add(rejected);
                break;
        }

        return response;
    }

    public override async Task<PublishEventsResponse> PublishEvents(IAsyncStreamReader<PublishEventsRequest> requestStream, ServerCallContext context)
    {
        HostCallers.Require(context, options);
        var response = new PublishEventsResponse();
        var count = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            if (++count > options.MaxEventsPerStream)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"Một lần gửi tối đa {options.MaxEventsPerStream} sự kiện; hãy chia nhỏ (a stream may carry at most {options.MaxEventsPerStream} events; the events before were handled, resend them all: repeats count as duplicates)."));
            }

            switch (await HandleAsync(requestStream.Current.Event))
            {
                case (Outcome.Accepted, _):
                    response.AcceptedCount++;
                    break;
                case (Outcome.Duplicate, _):
                    response.DuplicateCount++;
                    break;
                case (_, var rejected):
                    response.Rejected.Add(rejected);
                    break;
            }
        }

        return response;
    }

    private async Task<(Outcome, RejectedEvent?)> HandleAsync(Event? hostEvent)
    {
        if (EventValidator.Problem(hostEvent) is { } problem)
        {
            return (Outcome.Rejected, new RejectedEvent { EventId = hostEvent?.EventId ?? "", Reason = problem });
        }

        if (!await ClaimAsync(hostEvent!.EventId))
        {
            return (Outcome.Duplicate, null);
        }

        if (hostEvent.PayloadCase == Event.PayloadOneofCase.UserChanged)
        {
            // The user's roles may have changed: the next ListTabs asks the host again.
            users.Forget(hostEvent.UserChanged.UserId);
        }

        // An event from a newer host whose payload this runtime does not know is accepted and ignored.
        if (hostEvent.PayloadCase != Event.PayloadOneofCase.None)
        {
            // Not the call's token: once claimed, delivery completes even if the host hangs up, since its
            // retry will be a duplicate.
            await dispatcher.DeliverAsync(hostEvent);
        }

        return (Outcome.Accepted, null);
    }

    private async ValueTask<bool> ClaimAsync(string eventId)
    {
        try
        {
            // Not the call's token either: a claim that reached the database must be followed by delivery.
            return await ledger.TryClaimAsync(eventId, CancellationToken.None);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "Cơ sở dữ liệu của runtime tạm thời không truy cập được; hãy gửi lại (the runtime's database is unavailable; retry the event).", e));
        }
    }

    private enum Outcome
    {
        Accepted,
        Duplicate,
        Rejected,
    }
}
