using System.Threading.Channels;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace DanVan.Plugins.HostSample.Events;

/// <summary>
/// The host side of danvan.runtime.v1.EventsService: documents issued or received in the e-office
/// are pushed to the plugin runtime in order, retried with growing pauses while the runtime is
/// away. Safe to retry because every event keeps its id (the runtime drops duplicates). The queue
/// is in memory: a sample host restarted while the runtime is down forgets what it had not sent.
/// </summary>
internal sealed partial class RuntimeEventPublisher(HostSampleOptions options, TimeProvider time, ILogger<RuntimeEventPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private readonly Channel<Event> _queue = Channel.CreateUnbounded<Event>(new UnboundedChannelOptions { SingleReader = true });

    public void Publish(Event.PayloadOneofCase kind, Action<Event> fill)
    {
        var e = new Event { EventId = Guid.NewGuid().ToString("N"), OccurredAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        fill(e);
        if (e.PayloadCase != kind)
        {
            throw new ArgumentException($"The event was filled as {e.PayloadCase}, not {kind}.", nameof(fill));
        }

        _queue.Writer.TryWrite(e);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.RuntimeAddress is not { Length: > 0 } address)
        {
            return;
        }

        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            Credentials = options.RuntimeToken is null ? null : CallCredentials.FromBearerToken(options.RuntimeToken),
        });
        var client = new EventsService.EventsServiceClient(channel);
        await foreach (var e in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            var pause = FirstRetry;
            while (true)
            {
                try
                {
                    var response = await client.PublishEventAsync(new PublishEventRequest { Event = e }, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: stoppingToken);
                    foreach (var rejected in response.Rejected)
                    {
                        LogRejected(logger, rejected.EventId, rejected.Reason);
                    }

                    break;
                }
                catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
                {
                    LogRetry(logger, e.PayloadCase.ToString(), pause.TotalSeconds, ex.Status.Detail);
                    await Task.Delay(pause, time, stoppingToken);
                    pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestRetry.Ticks));
                }
                catch (RpcException ex)
                {
                    // Refused for good (credentials, a malformed event): retrying cannot help.
                    LogRefused(logger, e.PayloadCase.ToString(), ex.StatusCode.ToString(), ex.Status.Detail);
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The runtime rejected event {EventId}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The runtime did not take event {Kind}; retrying in {Seconds} s ({Detail})")]
    private static partial void LogRetry(ILogger logger, string kind, double seconds, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "The runtime refused event {Kind}: {Status} {Detail}")]
    private static partial void LogRefused(ILogger logger, string kind, string status, string detail);
}
