namespace DanVan.Plugins.Runtime.Watching;

/// <summary>Runs an action once things have been quiet for a while: every <see cref="Poke"/> restarts the wait.</summary>
internal sealed class Debouncer : IDisposable
{
    private readonly ITimer _timer;
    private readonly TimeSpan _quiet;

    public Debouncer(TimeProvider time, TimeSpan quiet, Action action)
    {
        _quiet = quiet;
        _timer = time.CreateTimer(_ => action(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Poke() => _timer.Change(_quiet, Timeout.InfiniteTimeSpan);

    public void Dispose() => _timer.Dispose();
}
