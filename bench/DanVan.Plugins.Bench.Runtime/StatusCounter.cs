using System.Collections.Concurrent;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Diagnostics;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>Counts the grpc-status of every call, since h2load only sees HTTP 200.</summary>
internal sealed class StatusCounter : ObservingInterceptor
{
    private readonly ConcurrentDictionary<StatusCode, long> _counts = new();

    public IReadOnlyDictionary<string, long> Snapshot() => _counts.ToDictionary(p => p.Key.ToString(), p => p.Value);

    public void Reset() => _counts.Clear();

    protected override void OnCallEnded(ServerCallContext context, StatusCode code, TimeSpan elapsed, Exception? exception) =>
        _counts.AddOrUpdate(code, 1, static (_, n) => n + 1);
}
