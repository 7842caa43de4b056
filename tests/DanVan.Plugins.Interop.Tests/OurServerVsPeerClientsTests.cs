using System.Collections.Concurrent;
using System.Text.Json;
using DanVan.Plugins.Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DanVan.Plugins.Interop.Tests;

/// <summary>
/// Our server against the stock interop clients (python grpcio, node grpc-js): each client runs
/// every scenario once (one process per peer, both started when the class starts), and each
/// (peer, scenario) is reported as its own test case.
/// </summary>
public sealed class OurServerVsPeerClientsTests(OurServerVsPeerClientsTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<OurServerVsPeerClientsTests.Fixture>
{
    /// <summary>Every scenario the clients run with <c>--scenario all</c>, in their order. A scenario missing from a client's output fails.</summary>
    public static readonly IReadOnlyList<string> Scenarios =
    [
        "unary", "large_unary", "server_stream", "server_stream_error", "client_stream", "duplex",
        "status_unicode", "status_all_codes", "status_details", "deadline", "cancel", "metadata",
        "metadata_streams", "gzip", "unimplemented", "health", "reflection_v1", "reflection_v1alpha",
        "too_large",
    ];

    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(120);

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var peer in Peers.All)
            {
                foreach (var scenario in Scenarios)
                {
                    data.Add(peer, scenario);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Peer_client_scenario_passes_against_our_server(string peer, string scenario)
    {
        var run = await fixture.RunAsync(peer);
        Assert.True(run.Results.TryGetValue(scenario, out var result),
            $"The {peer} client reported no result for '{scenario}'.\n{run.Process.Describe()}\n--- our server log ---\n{fixture.Server.ServerLog}");
        output.WriteLine($"{peer} client, {scenario}: ok={result.Ok} {result.Detail}");
        Assert.True(result.Ok,
            $"{peer} client, scenario {scenario}: {result.Detail}\n--- client stderr ---\n{run.Process.Stderr}\n--- our server log ---\n{fixture.Server.ServerLog}");
        Assert.NotEqual("skipped", result.Detail);
    }

    [Theory]
    [InlineData(Peers.Python)]
    [InlineData(Peers.Node)]
    public async Task Peer_client_reports_exactly_the_expected_scenarios_and_exits_0(string peer)
    {
        var run = await fixture.RunAsync(peer);
        output.WriteLine(run.Process.Describe());
        Assert.False(run.Process.TimedOut, run.Process.Describe());
        Assert.Equal(Scenarios, run.Order);
        Assert.True(run.Process.ExitCode == 0, run.Process.Describe());
    }

    public sealed record ScenarioResult(bool Ok, string Detail);

    internal sealed record ClientRun(PeerRunResult Process, IReadOnlyDictionary<string, ScenarioResult> Results, IReadOnlyList<string> Order);

    /// <summary>Our server, and one run of each peer client against it, started together.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<ClientRun>>> _runs = new();

        public OurServerFixture Server { get; } = new();

        public async Task InitializeAsync()
        {
            await Server.InitializeAsync();
            foreach (var peer in Peers.All)
            {
                _ = RunAsync(peer);
            }
        }

        public Task DisposeAsync() => DisposeCoreAsync();

        internal Task<ClientRun> RunAsync(string peer) =>
            _runs.GetOrAdd(peer, p => new Lazy<Task<ClientRun>>(() => RunClientAsync(p))).Value;

        private async Task DisposeCoreAsync()
        {
            foreach (var run in _runs.Values)
            {
                try
                {
                    await run.Value;
                }
                catch (Exception)
                {
                    // Reported by the tests that awaited it.
                }
            }

            await Server.DisposeAsync();
        }

        private async Task<ClientRun> RunClientAsync(string peer)
        {
            await Peers.EnsureInstalledAsync();
            var (fileName, arguments) = Peers.ClientCommand(peer, Server.Target);
            var process = await PeerRun.RunAsync(fileName, arguments, ClientTimeout);
            var results = new Dictionary<string, ScenarioResult>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var line in process.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                try
                {
                    using var json = JsonDocument.Parse(line);
                    var root = json.RootElement;
                    var name = root.GetProperty("scenario").GetString()!;
                    order.Add(name);
                    results[name] = new ScenarioResult(root.GetProperty("ok").GetBoolean(), root.GetProperty("detail").ToString());
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    // Not a result line; the whole stdout is in the failure message anyway.
                }
            }

            return new ClientRun(process, results, order);
        }
    }
}
