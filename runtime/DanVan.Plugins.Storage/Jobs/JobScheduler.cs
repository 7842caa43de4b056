using DanVan.Plugins.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanVan.Plugins.Storage.Jobs;

/// <summary>
/// Runs due job occurrences: claims them with a lease, calls the plugin's handler, records the run,
/// retries failures with backoff and dead-letters them after the job's attempts. Host it as a
/// hosted service (it waits with the <see cref="TimeProvider"/>), or call <see cref="RunDueAsync"/>
/// directly, as the tests do with a fake clock.
/// </summary>
public sealed partial class JobScheduler : BackgroundService
{
    private readonly JobStore _store;
    private readonly IJobHandlerResolver _resolver;
    private readonly TimeProvider _time;
    private readonly JobSchedulerOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a scheduler over the store; handlers come from <paramref name="resolver"/>.</summary>
    public JobScheduler(JobStore store, IJobHandlerResolver resolver, TimeProvider timeProvider, JobSchedulerOptions? options = null, ILogger<JobScheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _resolver = resolver;
        _time = timeProvider;
        _options = options ?? new JobSchedulerOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>This instance's name in <c>locked_by</c> and <c>danvan_job_runs.worker</c>.</summary>
    public string WorkerId => _options.WorkerId;

    /// <summary>
    /// Runs every occurrence due at <paramref name="now"/> (including missed calendar occurrences
    /// that become due while catching up) and returns how many handler runs finished, failed or not.
    /// </summary>
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var runs = 0;
        while (true)
        {
            var plugins = _resolver.ActivePluginIds.ToArray();
            var claimed = await _store.ClaimAsync(WorkerId, plugins, now, _options.LeaseDuration, _options.BatchSize, cancellationToken).ConfigureAwait(false);
            if (claimed.Count == 0)
            {
                return runs;
            }

            var ran = 0;
            await Parallel.ForEachAsync(
                claimed,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrency), CancellationToken = CancellationToken.None },
                async (occurrence, _) =>
                {
                    if (await RunAsync(occurrence, now, cancellationToken).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref ran);
                    }
                }).ConfigureAwait(false);
            runs += ran;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Normally done by the runtime at start, before plugins schedule anything; idempotent.
            await _store.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPollFailed(ex);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            // Taken before looking for work, so a job scheduled meanwhile wakes the loop.
            var wake = _store.Changed.WaitAsync();
            DateTimeOffset? dueAt = null;
            try
            {
                await RunDueAsync(_time.GetUtcNow(), stoppingToken).ConfigureAwait(false);

                // An absolute instant, compared with the clock as it is when the wait is armed: it may
                // have moved on while handlers ran (or jumped, under a test's clock), and work that fell
                // due meanwhile runs at once.
                dueAt = await _store.NextDueAsync(_resolver.ActivePluginIds.ToArray(), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; nothing is lost, the next poll retries.
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

    private async Task<bool> RunAsync(ClaimedOccurrence occurrence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var startedAt = Later(now);
        if (occurrence.Attempt > occurrence.MaxAttempts)
        {
            // Every attempt so far ended with the worker gone (a handler that crashes its process):
            // stop retrying it rather than crash instance after instance.
            await _store.FailAsync(occurrence, WorkerId, startedAt, startedAt, "The worker running this occurrence stopped before finishing (lease expired) on every attempt.", null, CancellationToken.None).ConfigureAwait(false);
            return false;
        }

        var handler = _resolver.Resolve(occurrence.PluginId, occurrence.JobName);
        if (handler is null)
        {
            LogNoHandler(occurrence.PluginId, occurrence.JobName);
            await _store.ReleaseAsync(occurrence, WorkerId, now + Max(_options.MissingHandlerDelay, TimeSpan.FromSeconds(1)), CancellationToken.None).ConfigureAwait(false);
            return false;
        }

        var context = new JobContext(occurrence.JobId, occurrence.PluginId, occurrence.Key, occurrence.JobName, occurrence.DueAt, occurrence.Attempt, occurrence.Payload);
        using var renewal = new LeaseRenewal(_time, _options.LeaseDuration / 3, () => RenewAsync(occurrence));
        try
        {
            await handler.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down is not the handler's fault: the attempt does not count.
            await _store.ReleaseAsync(occurrence, WorkerId, occurrence.DueAt, CancellationToken.None).ConfigureAwait(false);
            return false;
        }
        catch (Exception ex)
        {
            var finishedAt = Later(now);
            DateTimeOffset? retryAt = occurrence.Attempt >= occurrence.MaxAttempts
                ? null
                : finishedAt + Backoff.Delay(occurrence.Attempt, _options.RetryInitialDelay, _options.RetryMaxDelay, Random.Shared.NextDouble());
            LogHandlerFailed(ex, occurrence.PluginId, occurrence.JobName, occurrence.DueAt, occurrence.Attempt, retryAt);
            await _store.FailAsync(occurrence, WorkerId, startedAt, finishedAt, $"{ex.GetType().FullName}: {ex.Message}", retryAt, CancellationToken.None).ConfigureAwait(false);
            return true;
        }

        if (!await _store.CompleteAsync(occurrence, WorkerId, startedAt, Later(now), CancellationToken.None).ConfigureAwait(false))
        {
            LogLeaseLost(occurrence.PluginId, occurrence.JobName, occurrence.DueAt);
        }

        return true;
    }

    private async Task RenewAsync(ClaimedOccurrence occurrence)
    {
        try
        {
            await _store.ExtendLeaseAsync(occurrence, WorkerId, _time.GetUtcNow() + _options.LeaseDuration, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogPollFailed(ex);
        }
    }

    // At least a second, or a pass at a fixed `now` would offer the same occurrence again and again.
    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    // A pass runs at `now`, but handlers take real time: record instants no earlier than the clock.
    private DateTimeOffset Later(DateTimeOffset now)
    {
        var clock = _time.GetUtcNow();
        return clock > now ? clock : now;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling for due jobs failed; retrying at the next poll")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plugin {PluginId} has no handler {JobName}; the occurrence waits")]
    private partial void LogNoHandler(string pluginId, string jobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {PluginId}/{JobName} due {DueAt} failed on attempt {Attempt}; next attempt {RetryAt} (none: dead-lettered)")]
    private partial void LogHandlerFailed(Exception exception, string pluginId, string jobName, DateTimeOffset dueAt, int attempt, DateTimeOffset? retryAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {PluginId}/{JobName} due {DueAt} finished after its lease was lost to another worker")]
    private partial void LogLeaseLost(string pluginId, string jobName, DateTimeOffset dueAt);
}
