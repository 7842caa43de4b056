namespace DanVan.Plugins.Storage.Jobs;

/// <summary>
/// How the job and outbox loops sleep: until the next due instant on the business clock (the
/// <see cref="TimeProvider"/>), a poll on the poll clock (the wall clock by default: polling only
/// notices other instances' writes), or a signal from this process. Written for clocks that jump (a
/// fake one in tests, a corrected system clock): no relative delay measured from a stale reading,
/// and no business-clock poll for a jump of days to fire thousands of times.
/// </summary>
internal static class ClockWait
{
    // Task.Delay takes at most ~49 days; waking early once a day to look again costs nothing.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <summary>
    /// Returns once the clock reaches <paramref name="dueAt"/> (if any), <paramref name="poll"/> has
    /// passed on <paramref name="pollClock"/>, or <paramref name="signal"/> completes; always on a
    /// thread-pool thread (never inline on the thread that advanced a clock or set the signal).
    /// Throws when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static async Task UntilAsync(TimeProvider clock, DateTimeOffset? dueAt, TimeProvider pollClock, TimeSpan poll, Task signal, CancellationToken cancellationToken)
    {
        // Cancelled when the wait ends, so the timers are removed instead of lingering until they fire.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var due = Task.Delay(Timeout.InfiniteTimeSpan, stop.Token);
        if (dueAt is { } at)
        {
            due = Task.Delay(NotNegative(at - clock.GetUtcNow()), clock, stop.Token);

            // Read the clock again after arming: had it jumped between the reading and the timer's
            // creation, the timer would be due after `at`, and the work due then would wait for the
            // next jump. A jump after this reading finds the timer armed and fires it.
            if (clock.GetUtcNow() >= at)
            {
                due = Task.CompletedTask;
            }
        }

        var polled = due.IsCompleted ? Task.CompletedTask : Task.Delay(poll, pollClock, stop.Token);
        await Task.WhenAny(due, polled, signal).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value > LongestWait ? LongestWait : value;
}
