using DanVan.Plugins.Admin;
using DanVan.Plugins.Contracts.Runtime.V1;
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

    [Fact]
    public async Task Doctor_CheckLeaks_ReportsTheLeakedContextAndWhatHoldsIt_ListShowsIt()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");
        await host.ActivateAsync("greeter", "2.0.0");
        await host.ActivateAsync("leaky", "1.0.0");
        await host.ActivateAsync("leaky", "2.0.0");
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);

        // check_leaks waits for the unloads in progress, then collects again.
        var doctor = await admin.DoctorAsync(new DoctorRequest { CheckLeaks = true });
        var plugin = (await admin.GetPluginAsync(new GetPluginRequest { PluginId = "danvan.testplugins.leaky" })).Plugin;
        using var listOutput = new StringWriter();
        var listCode = await AdminCommand.RunAsync(["list", "--address", "http://localhost", "--token", RuntimeHost.AdminToken], listOutput, TextWriter.Null, host.Handler);

        var leak = Assert.Single(doctor.Diagnostics, d => d.Code == "LOAD_CONTEXT_LEAKED");
        Assert.Equal((DiagnosticSeverity.Warning, "danvan.testplugins.leaky", "1.0.0"), (leak.Severity, leak.PluginId, leak.PluginVersion));
        Assert.Equal(("danvan.testplugins.leaky@1.0.0", "danvan.testplugins.leaky", "1.0.0"), (leak.LeakedContext.ContextName, leak.LeakedContext.PluginId, leak.LeakedContext.PluginVersion));
        Assert.True(leak.LeakedContext.CollectionAttempts > Loading.UnloadVerifier.MaxPasses, $"{leak.LeakedContext.CollectionAttempts} attempts");
        Assert.NotNull(leak.LeakedContext.UnloadRequestTime);
        Assert.Contains("DanVan.Plugins.TestPlugins.Leaky.LeakyCache", leak.LeakedContext.HoldingTypeNames);
        Assert.Contains("LeakyCache", leak.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Warning, doctor.Diagnostics[0].Severity);

        Assert.Equal(("1.0.0", false), (plugin.LastUnload.PluginVersion, plugin.LastUnload.Collected));
        Assert.Contains(plugin.LastUnload.HoldingPaths, p => p.EndsWith("DanVan.Plugins.TestPlugins.Leaky.LeakyCache", StringComparison.Ordinal));
        Assert.Equal(0, listCode);
        Assert.Contains("    rò rỉ: phiên bản 1.0.0 đã gỡ nhưng vẫn còn trong bộ nhớ", listOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("giữ bởi: ", listOutput.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_CheckLeaks_CleanUpgrade_NoLeakFinding()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");
        await host.ActivateAsync("greeter", "2.0.0");
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);

        var doctor = await admin.DoctorAsync(new DoctorRequest { CheckLeaks = true });
        var plugin = (await admin.GetPluginAsync(new GetPluginRequest { PluginId = "danvan.testplugins.greeter" })).Plugin;

        Assert.DoesNotContain(doctor.Diagnostics, d => d.Code == "LOAD_CONTEXT_LEAKED");
        Assert.Equal(("1.0.0", true), (plugin.LastUnload.PluginVersion, plugin.LastUnload.Collected));
    }
}
