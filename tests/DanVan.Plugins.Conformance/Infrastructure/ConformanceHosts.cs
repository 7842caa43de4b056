using System.Collections.Concurrent;

namespace DanVan.Plugins.Conformance.Infrastructure;

/// <summary>The hosts under test, each started once on first use and stopped at the end of the run.</summary>
public sealed class ConformanceHosts : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<HostTarget>>> _targets = new(StringComparer.Ordinal);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task<HostTarget> GetAsync(string name) =>
        _targets.GetOrAdd(name, n => new Lazy<Task<HostTarget>>(() => StartAsync(n))).Value;

    public async Task DisposeAsync()
    {
        foreach (var target in _targets.Values)
        {
            HostTarget started;
            try
            {
                started = await target.Value;
            }
            catch (Exception)
            {
                continue; // Reported by the tests that needed it.
            }

            await started.DisposeAsync();
        }
    }

    private static Task<HostTarget> StartAsync(string name) => name switch
    {
        ConformanceTargets.Vendor => Task.FromResult(Vendor()),
        ConformanceTargets.Sample => SampleHostLauncher.StartAsync(),
        ConformanceTargets.Python => PythonHostLauncher.StartAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown conformance target."),
    };

    private static HostTarget Vendor()
    {
        var address = ConformanceTargets.VendorAddress!;
        if (!address.Contains("://", StringComparison.Ordinal))
        {
            address = "http://" + address;
        }

        var token = Environment.GetEnvironmentVariable(ConformanceTargets.TokenVariable)
            ?? throw new InvalidOperationException($"Set {ConformanceTargets.TokenVariable} to the bearer token the runtime sends to the host under test.");
        return new HostTarget(ConformanceTargets.Vendor, new Uri(address), token, () => ValueTask.CompletedTask);
    }
}
