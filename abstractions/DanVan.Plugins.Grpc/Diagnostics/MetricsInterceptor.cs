using System.Diagnostics.Metrics;

namespace DanVan.Plugins.Grpc.Diagnostics;

/// <summary>
/// Records every call in the "DanVan.Plugins.Grpc.Server" meter: a counter
/// <c>danvan.grpc.server.calls</c> and a histogram <c>danvan.grpc.server.duration</c> (ms),
/// both tagged with <c>rpc.method</c> and <c>rpc.grpc.status_code</c>.
/// </summary>
public sealed class MetricsInterceptor : ObservingInterceptor
{
    /// <summary>The meter name to listen to.</summary>
    public const string MeterName = "DanVan.Plugins.Grpc.Server";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on a meter from the factory.</summary>
    public MetricsInterceptor(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("danvan.grpc.server.calls", description: "gRPC calls served");
        _duration = meter.CreateHistogram<double>("danvan.grpc.server.duration", unit: "ms", description: "gRPC call duration");
    }

    /// <inheritdoc />
    protected override void OnCallEnded(ServerCallContext context, StatusCode code, TimeSpan elapsed, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = new KeyValuePair<string, object?>("rpc.method", context.Method);
        var status = new KeyValuePair<string, object?>("rpc.grpc.status_code", (int)code);
        _calls.Add(1, method, status);
        _duration.Record(elapsed.TotalMilliseconds, method, status);
    }
}
