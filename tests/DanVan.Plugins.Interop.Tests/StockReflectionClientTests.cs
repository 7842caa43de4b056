using System.Text.Json;
using DanVan.Plugins.Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DanVan.Plugins.Interop.Tests;

/// <summary>
/// Acceptance: a stock gRPC client that knows only our server's address can list its services
/// through reflection and call health. tests/peers/node/discover.js uses the npm package
/// grpc-js-reflection-client (default reflection version v1alpha) and builds its Health client
/// from the descriptor our server returns, not from local protos.
/// </summary>
public sealed class StockReflectionClientTests(OurServerFixture server, ITestOutputHelper output) : IClassFixture<OurServerFixture>
{
    [Theory]
    [InlineData(null, "v1alpha")]
    [InlineData("v1", "v1")]
    public async Task Stock_reflection_client_lists_services_and_gets_SERVING(string? reflectionOption, string expectedVersion)
    {
        await Peers.EnsureInstalledAsync();
        List<string> arguments = [Peers.Script("node", "discover.js"), "--target", server.Target];
        if (reflectionOption is not null)
        {
            arguments.AddRange(["--reflection", reflectionOption]);
        }

        var run = await PeerRun.RunAsync("node", arguments, TimeSpan.FromSeconds(60));
        output.WriteLine(run.Describe());
        var context = $"{run.Describe()}\n--- our server log ---\n{server.ServerLog}";
        Assert.True(run.ExitCode == 0 && !run.TimedOut, context);

        using var json = JsonDocument.Parse(run.Stdout.Trim());
        var root = json.RootElement;
        var services = root.GetProperty("services").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("danvan.interop.v1.InteropService", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1.ServerReflection", services);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", services);
        Assert.Equal("SERVING", root.GetProperty("health").GetString());
        Assert.Equal(expectedVersion, root.GetProperty("reflection").GetString());
    }
}
