using System.Collections.Concurrent;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Diagnostics;

namespace DanVan.Plugins.Bench.Grpc;

/// <summary>Counts the grpc-status every call ends with, since h2load only sees HTTP status 200.</summary>
internal sealed class StatusCounter : ObservingInterceptor
{
    private readonly ConcurrentDictionary<StatusCode, long> _counts = new();

    public IReadOnlyDictionary<StatusCode, long> Snapshot() => new Dictionary<StatusCode, long>(_counts);

    protected override void OnCallEnded(ServerCallContext context, StatusCode code, TimeSpan elapsed, Exception? exception) =>
        _counts.AddOrUpdate(code, 1, static (_, n) => n + 1);
}
