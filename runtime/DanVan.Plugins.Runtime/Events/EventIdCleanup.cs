using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Events;

/// <summary>
/// Creates the event id table at start and deletes ids past their retention on the runtime's clock,
/// every <see cref="PluginRuntimeOptions.EventIdCleanupInterval"/>. Only space: a claim already treats
/// an expired id as new, whether or not it was deleted yet. Does nothing when the ids are kept in memory.
/// </summary>
internal sealed partial class EventIdCleanup(DurableEventIds? ledger, PluginRuntimeOptions options, TimeProvider timeProvider, ILogger<EventIdCleanup> logger) : IHostedService, IAsyncDisposable
{
    private ITimer? _timer;

    /// <summary>The latest clean-up run (tests wait on it after moving the clock).</summary>
    internal Task<int> LastRun { get; private set; } = Task.FromResult(0);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (ledger is null)
        {
            return;
        }

        await ledger.EnsureCreatedAsync(cancellationToken);
        _timer = timeProvider.CreateTimer(_ => LastRun = RunAsync(), null, options.EventIdCleanupInterval, options.EventIdCleanupInterval);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await DisposeAsync();
        await ((Task)LastRun).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public ValueTask DisposeAsync()
    {
        var timer = Interlocked.Exchange(ref _timer, null);
        return timer?.DisposeAsync() ?? default;
    }

    private async Task<int> RunAsync()
    {
        try
        {
            var deleted = await ledger!.PruneAsync();
            if (deleted > 0)
            {
                LogPruned(logger, deleted);
            }

            return deleted;
        }
        catch (Exception e)
        {
            // The next run tries again; meanwhile expired ids only take space.
            LogPruneFailed(logger, e);
            return 0;
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Forgot {Count} event id(s) older than 30 days")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Could not delete expired event ids; will retry")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
