using System.Collections.Concurrent;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>
/// Keeps what the runtime logs about plugin lifecycles: how many old versions were unloaded and
/// collected (event 13) or leaked (14), and every warning or error (drain timeouts, refusals,
/// rejected packages), so the bench can tell whether each swap's old context really went away; and
/// when each version began serving (event 10), on the monotonic clock every process on the machine
/// shares (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), so the upgrade driver can split
/// its swap times into the runtime's part and the time its own probe took to see the new version.
/// </summary>
internal sealed class RuntimeEventLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, long> _serving = new(StringComparer.Ordinal);
    private long _collected;
    private long _leaked;

    public object Snapshot() => new { Collected = Interlocked.Read(ref _collected), Leaked = Interlocked.Read(ref _leaked), Problems = _problems.ToArray(), Serving = _serving.ToDictionary() };

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("DanVan.Plugins.Runtime", StringComparison.Ordinal) ? new Logger(this, categoryName) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Logger(RuntimeEventLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category.EndsWith(".PluginManager", StringComparison.Ordinal) && eventId.Id == 10
                && state is IReadOnlyList<KeyValuePair<string, object?>> fields && fields.FirstOrDefault(f => f.Key == "Version").Value is string version)
            {
                log._serving[version] = System.Diagnostics.Stopwatch.GetTimestamp();
            }
            else if (category.EndsWith(".PluginManager", StringComparison.Ordinal) && eventId.Id == 13)
            {
                Interlocked.Increment(ref log._collected);
            }
            else if (category.EndsWith(".PluginManager", StringComparison.Ordinal) && eventId.Id == 14)
            {
                Interlocked.Increment(ref log._leaked);
            }

            if (logLevel >= LogLevel.Warning)
            {
                var text = $"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)}";
                log._problems.Enqueue(text);
                Console.Error.WriteLine(text);
            }
        }
    }
}
