namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>Counts greetings; an async-disposable singleton that writes its count when its version is disposed.</summary>
internal sealed class GreetingTally(DisposalLog log, GreetingFormatter formatter) : IAsyncDisposable
{
    private int _count;

    public void Add() => Interlocked.Increment(ref _count);

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        log.Write($"IAsyncDisposable {formatter.Version} {Volatile.Read(ref _count)}");
    }
}
