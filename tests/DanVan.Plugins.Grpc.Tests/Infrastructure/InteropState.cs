using System.Collections.Concurrent;
using DanVan.Plugins.Interop.V1;

namespace DanVan.Plugins.Grpc.Tests.Infrastructure;

/// <summary>
/// What one test host's <see cref="TestInteropService"/> observed, plus hooks a test can set to
/// change its behaviour. One instance per host (a DI singleton), so tests never share it.
/// </summary>
public sealed class InteropState
{
    /// <summary>Set when a handler starts waiting for delay_ms (or on a hook's signal).</summary>
    public TaskCompletionSource HandlerWaiting { get; } = NewSignal();

    /// <summary>Set when the cancellation token of a handler fires.</summary>
    public TaskCompletionSource HandlerCancelled { get; } = NewSignal();

    /// <summary>Every call's request headers, in arrival order.</summary>
    public ConcurrentQueue<Metadata> RequestHeaders { get; } = new();

    /// <summary>Every call's <see cref="ServerCallContext.Deadline"/>, in arrival order.</summary>
    public ConcurrentQueue<DateTime> Deadlines { get; } = new();

    /// <summary>Events recorded by handlers and interceptors, in order.</summary>
    public ConcurrentQueue<string> Events { get; } = new();

    /// <summary>Number of Echo calls that reached the handler.</summary>
    public int EchoCalls => _echoCalls;

    /// <summary>Number of ServerStream calls that reached the handler.</summary>
    public int ServerStreamCalls => _serverStreamCalls;

    /// <summary>Runs at the start of Echo (after the headers are recorded); may throw to end the call.</summary>
    public Func<EchoRequest, ServerCallContext, int, Task>? OnEcho { get; set; }

    /// <summary>Runs at the start of ServerStream; may throw to end the call.</summary>
    public Func<StreamRequest, ServerCallContext, int, Task>? OnServerStream { get; set; }

    /// <summary>Runs after ServerStream wrote the response with the given index.</summary>
    public Func<int, Task>? AfterStreamItem { get; set; }

    /// <summary>Runs after Duplex wrote the response to each request.</summary>
    public Func<int, Task>? AfterDuplexItem { get; set; }

    private int _echoCalls;
    private int _serverStreamCalls;

    internal int NextEchoCall() => Interlocked.Increment(ref _echoCalls);

    internal int NextServerStreamCall() => Interlocked.Increment(ref _serverStreamCalls);

    public static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
