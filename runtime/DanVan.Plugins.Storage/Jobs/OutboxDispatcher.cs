using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanVan.Plugins.Storage.Jobs;

/// <summary>
/// Sends queued notifications to the host's NotificationsService. A message is marked sent only
/// after the host answered OK; while the host is unreachable or overloaded every message stays
/// queued and is retried with backoff, without limit (at-least-once, never lost; the host drops
/// repeats by idempotency key). A refusal that retrying cannot fix (INVALID_ARGUMENT, NOT_FOUND,
/// FAILED_PRECONDITION, OUT_OF_RANGE, ALREADY_EXISTS) dead-letters the message with the host's reason.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private static readonly HashSet<StatusCode> Permanent =
    [
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.OutOfRange, StatusCode.AlreadyExists,
    ];

    private readonly NotificationOutbox _outbox;
    private readonly NotificationsService.NotificationsServiceClient _client;
    private readonly TimeProvider _time;
    private readonly OutboxDispatcherOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a dispatcher sending through <paramref name="client"/> (the runtime's host channel, without channel-level retries).</summary>
    public OutboxDispatcher(NotificationOutbox outbox, NotificationsService.NotificationsServiceClient client, TimeProvider timeProvider, OutboxDispatcherOptions? options = null, ILogger<OutboxDispatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _outbox = outbox;
        _client = client;
        _time = timeProvider;
        _options = options ?? new OutboxDispatcherOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Sends what is due at <paramref name="now"/> and returns how many the host acknowledged. Stops
    /// at the first failure that says the host is unavailable, leaving the rest for later.
    /// </summary>
    public async Task<int> DispatchDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (true)
        {
            var batch = await _outbox.ClaimAsync(_options.WorkerId, now, _options.LeaseDuration, _options.BatchSize, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return sent;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                switch (await SendAsync(message, now, cancellationToken).ConfigureAwait(false))
                {
                    case Outcome.Sent:
                        sent++;
                        break;
                    case Outcome.HostUnavailable:
                        foreach (var untried in batch.Skip(i + 1))
                        {
                            await _outbox.ReleaseAsync(untried, _options.WorkerId, now, CancellationToken.None).ConfigureAwait(false);
                        }

                        return sent;
                }
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before looking for work, so a message enqueued meanwhile wakes the loop.
            var wake = _outbox.Changed.WaitAsync();
            DateTimeOffset? dueAt = null;
            try
            {
                await DispatchDueAsync(_time.GetUtcNow(), stoppingToken).ConfigureAwait(false);

                // Sleep until the next retry falls due rather than a poll later (compared with the
                // clock as it is when the wait is armed, which may have moved on meanwhile).
                dueAt = await _outbox.NextDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPollFailed(ex);
            }

            try
            {
                await ClockWait.UntilAsync(_time, dueAt, _options.PollClock, _options.PollInterval, wake, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<Outcome> SendAsync(OutboxMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string error;
        StatusCode code;
        try
        {
            // On the wall clock, not the TimeProvider: it bounds a network call, about which the
            // business clock says nothing. On a test's clock jumping days it fired mid-call, the
            // host had the notification, and the retry sent it a second time.
            using var timeout = new CancellationTokenSource(_options.CallTimeout);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            var response = await _client.SendNotificationAsync(message.Request, cancellationToken: linked.Token).ResponseAsync.ConfigureAwait(false);
            await _outbox.MarkSentAsync(message, _options.WorkerId, response.NotificationId, Later(now), CancellationToken.None).ConfigureAwait(false);
            return Outcome.Sent;
        }
        catch (RpcException ex)
        {
            code = ex.StatusCode;
            error = $"{ex.StatusCode}: {ex.Status.Detail}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            code = StatusCode.DeadlineExceeded;
            error = $"DeadlineExceeded: no answer within {_options.CallTimeout}";
        }
        catch (OperationCanceledException)
        {
            await _outbox.ReleaseAsync(message, _options.WorkerId, now, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (Permanent.Contains(code))
        {
            LogDeadLettered(message.IdempotencyKey, error);
            await _outbox.DeadLetterAsync(message, _options.WorkerId, Later(now), error, CancellationToken.None).ConfigureAwait(false);
            return Outcome.DeadLettered;
        }

        var retryAt = Later(now) + Backoff.Delay(message.Attempts, _options.RetryInitialDelay, _options.RetryMaxDelay, Random.Shared.NextDouble());
        LogRetry(message.IdempotencyKey, message.Attempts, error, retryAt);
        await _outbox.RetryLaterAsync(message, _options.WorkerId, retryAt, error, CancellationToken.None).ConfigureAwait(false);
        return Outcome.HostUnavailable;
    }

    private DateTimeOffset Later(DateTimeOffset now)
    {
        var clock = _time.GetUtcNow();
        return clock > now ? clock : now;
    }

    private enum Outcome
    {
        Sent,
        DeadLettered,
        HostUnavailable,
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching the notification outbox failed; retrying at the next poll")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The host refused notification {Key}; dead-lettered: {Error}")]
    private partial void LogDeadLettered(string key, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Key} not delivered on attempt {Attempt} ({Error}); retrying at {RetryAt}")]
    private partial void LogRetry(string key, int attempt, string error, DateTimeOffset retryAt);
}
