using System.Diagnostics.Metrics;
using DanVan.Plugins.Grpc.Diagnostics;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Grpc.Tests.Standard;

public sealed class DiagnosticsInterceptorTests
{
    [Fact]
    public async Task MetricsInterceptor_Calls_CountedWithMethodAndStatus()
    {
        var measurements = new List<(long Value, string Method, int Code)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MetricsInterceptor.MeterName && instrument.Name == "danvan.grpc.server.calls")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var method = (string)tags.ToArray().Single(t => t.Key == "rpc.method").Value!;
            var code = (int)tags.ToArray().Single(t => t.Key == "rpc.grpc.status_code").Value!;
            lock (measurements)
            {
                measurements.Add((value, method, code));
            }
        });
        listener.Start();
        await using var host = await StandardServicesHost.StartAsync(o => o.AddInterceptor<MetricsInterceptor>(), s => s.AddMetrics());
        var client = new global::Grpc.Health.V1.Health.HealthClient(host.Channel);

        await client.CheckAsync(new HealthCheckRequest());
        await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = "nope" }).ResponseAsync);

        lock (measurements)
        {
            Assert.Contains((1L, "/grpc.health.v1.Health/Check", 0), measurements);
            Assert.Contains((1L, "/grpc.health.v1.Health/Check", (int)StatusCode.NotFound), measurements);
        }
    }

    [Fact]
    public async Task LoggingInterceptor_FailedCall_LogsWarningWithCode()
    {
        var sink = new ListLoggerProvider();
        await using var host = await StandardServicesHost.StartAsync(o => o.AddInterceptor<LoggingInterceptor>(), s => s.AddLogging(b => b.AddProvider(sink)));
        var client = new global::Grpc.Health.V1.Health.HealthClient(host.Channel);

        await client.CheckAsync(new HealthCheckRequest());
        await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = "nope" }).ResponseAsync);

        Assert.Contains(sink.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("/grpc.health.v1.Health/Check", StringComparison.Ordinal) && e.Message.Contains(" OK ", StringComparison.Ordinal));
        Assert.Contains(sink.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("NotFound", StringComparison.Ordinal));
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        // The server goes on logging (connection close, request end) while a test reads the entries.
        public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                owner.Entries.Enqueue((logLevel, formatter(state, exception)));
            }
        }
    }
}
