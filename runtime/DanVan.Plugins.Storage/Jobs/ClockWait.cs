namespace DanVan.Plugins.Storage.Jobs;

/// <summary>
/// How the job and outbox loops sleep: until an absolute instant on the <see cref="TimeProvider"/>,
/// or until a signal. Written for clocks that jump (a fake one in tests, a corrected system clock):
/// the loops never hold a relative delay measured from a clock reading that may already be stale.
/// </summary>
internal static class ClockWait
{
    /// <summary>
    /// Returns once the clock reaches <paramref name="wakeAt"/> or <paramref name="signal"/> completes,
    /// always on a thread-pool thread (never inline on the thread that advanced the clock or set the
    /// signal, so a test's Advance returns at once). Throws when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public static async Task UntilAsync(TimeProvider time, DateTimeOffset wakeAt, Task signal, CancellationToken cancellationToken)
    {
        // Cancelled when the wait ends, so the timer is removed instead of lingering until it fires.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(NotNegative(wakeAt - time.GetUtcNow()), time, stop.Token);

        // Read the clock again after arming: had it jumped between the reading and the timer's
        // creation, the timer would be due after wakeAt, and the work due then would wait for the
        // next jump. A jump after this reading finds the timer armed and fires it.
        if (time.GetUtcNow() < wakeAt)
        {
            await Task.WhenAny(delay, signal).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        else
        {
            await Task.Yield();
        }

        stop.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TimeSpan NotNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
