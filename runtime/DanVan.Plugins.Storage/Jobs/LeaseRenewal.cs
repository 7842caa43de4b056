namespace DanVan.Plugins.Storage.Jobs;

/// <summary>
/// Renews a lease every <c>every</c> while a handler runs: a one-shot timer armed again only after
/// each renewal finished. A periodic timer would overlap slow renewals, and a clock that jumps days
/// (a test's, or a corrected system clock) would fire it once per missed period — thousands of
/// database writes — where one renewal from the new time is all the lease needs.
/// </summary>
internal sealed class LeaseRenewal : IDisposable
{
    private readonly TimeSpan _every;
    private readonly Func<Task> _renew;
    private readonly ITimer _timer;
    private int _disposed;

    public LeaseRenewal(TimeProvider time, TimeSpan every, Func<Task> renew)
    {
        _every = every;
        _renew = renew;
        _timer = time.CreateTimer(static state => ((LeaseRenewal)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(every, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _timer.Dispose();
        }
    }

    private void Fire() => _ = RenewThenRearmAsync();

    private async Task RenewThenRearmAsync()
    {
        // Off the timer's thread first: a test clock fires timers inside its Advance, and a renewal
        // that completes synchronously (SQLite's async calls do) would re-arm at the clock's
        // intermediate time and be fired again by the same Advance, once per missed period.
        await Task.Yield();
        try
        {
            await _renew().ConfigureAwait(false);
        }
        finally
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                try
                {
                    _timer.Change(_every, Timeout.InfiniteTimeSpan);
                }
                catch (ObjectDisposedException)
                {
                    // Disposed between the check and the call: the handler finished, nothing to renew.
                }
            }
        }
    }
}
