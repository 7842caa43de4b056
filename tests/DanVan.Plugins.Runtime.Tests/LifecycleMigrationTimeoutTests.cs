using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>A plugin's migration step is plugin code: a hang in it must be bounded like the plugin's other start-up steps.</summary>
public sealed class LifecycleMigrationTimeoutTests
{
    private const string Plugin = "danvan.testplugins.lifecyclemigration";

    // Must match the keys in tests/TestPlugins/DanVan.Plugins.TestPlugins.LifecycleMigration/HangingMigrations.cs.
    private const string GateKey = "danvan.testplugins.lifecyclemigration.gate";
    private const string EnteredKey = "danvan.testplugins.lifecyclemigration.entered";

    [Fact]
    public async Task UpgradeWhoseMigrationHangs_RefusedAfterTheStartTimeout_OldVersionAndAdminKeepWorking()
    {
        await using var host = await RuntimeHost.StartAsync(startTimeout: TimeSpan.FromSeconds(2));
        await host.ActivateAsync("lifecyclemigration", "1.0.0");
        using var gate = new ManualResetEventSlim(false);
        using var entered = new ManualResetEventSlim(false);
        AppDomain.CurrentDomain.SetData(EnteredKey, entered);
        AppDomain.CurrentDomain.SetData(GateKey, gate);
        try
        {
            var upgrade = host.ActivateAsync("lifecyclemigration", "2.0.0");
            Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "the upgrade never reached its migration step");

            var refused = await Assert.ThrowsAsync<PluginLoadException>(() => upgrade.WaitAsync(TimeSpan.FromSeconds(60)));
            var greeter = await host.ActivateAsync("greeter", "1.0.0");
            var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

            Assert.Contains("migration", refused.Message, StringComparison.Ordinal);
            Assert.Contains("treo", refused.Message, StringComparison.Ordinal);
            var status = host.Manager.List().Single(s => s.Id == Plugin);
            Assert.Equal((PluginState.Enabled, "1.0.0"), (status.State, status.ActiveVersion));
            Assert.Contains("2.0.0", status.Reason, StringComparison.Ordinal);
            Assert.Equal(PluginState.Enabled, greeter.State);
            Assert.Equal("1.0.0", reply.Version);
        }
        finally
        {
            AppDomain.CurrentDomain.SetData(GateKey, null);
            gate.Set();
            AppDomain.CurrentDomain.SetData(EnteredKey, null);
        }
    }

    [Fact]
    public async Task FirstStartWhoseMigrationHangs_Quarantined()
    {
        await using var host = await RuntimeHost.StartAsync(startTimeout: TimeSpan.FromSeconds(2));
        using var gate = new ManualResetEventSlim(false);
        using var entered = new ManualResetEventSlim(false);
        AppDomain.CurrentDomain.SetData(EnteredKey, entered);
        AppDomain.CurrentDomain.SetData(GateKey, gate);
        try
        {
            var start = host.ActivateAsync("lifecyclemigration", "1.0.0");
            Assert.True(entered.Wait(TimeSpan.FromSeconds(30)), "the plugin never reached its migration step");

            await Assert.ThrowsAsync<PluginLoadException>(() => start.WaitAsync(TimeSpan.FromSeconds(60)));

            var status = host.Manager.List().Single(s => s.Id == Plugin);
            Assert.Equal(PluginState.Quarantined, status.State);
            Assert.Contains("migration", status.Reason, StringComparison.Ordinal);
        }
        finally
        {
            AppDomain.CurrentDomain.SetData(GateKey, null);
            gate.Set();
            AppDomain.CurrentDomain.SetData(EnteredKey, null);
        }
    }
}
