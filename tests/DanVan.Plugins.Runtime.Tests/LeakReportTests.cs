using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Xunit.Abstractions;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class LeakReportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Upgrade_OfAPluginThatLeaks_ReportsTheHoldingTypesAndKeepsServing()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");
        await host.ActivateAsync("leaky", "1.0.0");

        var upgraded = await host.ActivateAsync("leaky", "2.0.0");
        var report = Assert.Single(await host.Manager.WaitForUnloadsAsync(), r => r.PluginId == "danvan.testplugins.leaky");
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        foreach (var path in report.HoldingPaths)
        {
            output.WriteLine(path);
        }

        Assert.False(report.Collected);
        Assert.Contains("DanVan.Plugins.TestPlugins.Leaky", report.LingeringAssemblies);
        // The snapshot walk names the plugin's own type at the end of a path from a GC root,
        // through the AppDomain data dictionary that holds it.
        Assert.Contains(report.HoldingPaths, p => p.EndsWith("DanVan.Plugins.TestPlugins.Leaky.LeakyCache", StringComparison.Ordinal));
        Assert.Contains(report.HoldingPaths, p => p.Contains("Dictionary<System.String, System.Object>", StringComparison.Ordinal));
        // A leak is reported, never a failed call: the new version and the other plugins serve.
        Assert.Equal("2.0.0", upgraded.ActiveVersion);
        Assert.Equal("Xin chào An từ 1.0.0!", reply.Message);
        var status = host.Manager.List().Single(p => p.Id == "danvan.testplugins.leaky");
        Assert.Contains("NOT collected", status.LastUnload, StringComparison.Ordinal);
        Assert.Contains("LeakyCache", status.LastUnload, StringComparison.Ordinal);
    }
}
