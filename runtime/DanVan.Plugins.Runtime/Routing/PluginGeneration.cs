using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Runtime.Routing;

/// <summary>
/// The handlers of one loaded plugin version (gRPC methods, tab pages, and its container for badge
/// providers and event handlers), with a count of the calls inside them. Once closed, it admits no
/// new call and <see cref="Drained"/> completes when the last one leaves.
/// </summary>
internal sealed class PluginGeneration(string version, FrozenDictionary<string, RequestDelegate> handlers, FrozenDictionary<string, RequestDelegate>? tabs = null, IServiceProvider? services = null)
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private volatile bool _closed;

    public string Version { get; } = version;

    public FrozenDictionary<string, RequestDelegate> Handlers { get; } = handlers;

    /// <summary>Tab id → page handler.</summary>
    public FrozenDictionary<string, RequestDelegate> Tabs { get; } = tabs ?? FrozenDictionary<string, RequestDelegate>.Empty;

    /// <summary>The plugin's container while this version serves; null once unloaded.</summary>
    public IServiceProvider? Services { get; } = services;

    public int InFlight => Volatile.Read(ref _inFlight);

    public Task Drained => _drained.Task;

    public bool TryEnter()
    {
        Interlocked.Increment(ref _inFlight);
        if (!_closed)
        {
            return true;
        }

        Exit();
        return false;
    }

    public void Exit()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && _closed)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>Admits no more calls; Drained completes once those inside have left.</summary>
    public void Close()
    {
        _closed = true;
        if (Volatile.Read(ref _inFlight) == 0)
        {
            _drained.TrySetResult();
        }
    }
}
