using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>
/// A call in flight on the old version when an upgrade switches routes: it finishes on the old version
/// (which is disposed and unloaded only after it), or, past <see cref="PluginRuntimeOptions.DrainTimeout"/>,
/// the old version is disposed and unloaded anyway. The call is held on a gate the Greeter reads from
/// AppContext data (tests in one class run one at a time, so the keys are this class's alone).
/// </summary>
public sealed class LoadingDrainTests
{
    private const string Greeter = "danvan.testplugins.greeter";
    private const string EnteredKey = "danvan.testplugins.greeter.call-entered";
    private const string GateKey = "danvan.testplugins.greeter.call-gate";

    [Fact]
    public async Task Upgrade_CallInFlightOnOldVersion_CompletesWithItsAnswerThenOldVersionUnloads()
    {
        string? data = null;
        await using var host = await RuntimeHost.StartAsync(configure: o => data = o.DataDirectory);
        await host.ActivateAsync("greeter", "1.0.0");
        var client = new GreeterService.GreeterServiceClient(host.Channel);
        var (entered, gate) = SetGate();
        try
        {
            var inFlight = client.SayHelloAsync(new HelloRequest { Name = "chờ" }).ResponseAsync;
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            await host.ActivateAsync("greeter", "2.0.0");
            var fresh = await client.SayHelloAsync(new HelloRequest { Name = "An" });
            var unloads = host.Manager.WaitForUnloadsAsync();
            gate.SetResult();
            var old = await inFlight.WaitAsync(TimeSpan.FromSeconds(30));
            var unload = Assert.Single(await unloads);

            Assert.Equal("Xin chào An từ 2.0.0!", fresh.Message);
            Assert.Equal("Xin chào chờ từ 1.0.0!", old.Message);
            // Disposed after the held call ran to its end: it is counted, and is the last name greeted.
            Assert.Equal(["IAsyncDisposable 1.0.0 1", "IDisposable 1.0.0 chờ"], File.ReadAllLines(Path.Combine(data!, Greeter, "disposals.txt")).Order(StringComparer.Ordinal));
            Assert.True(unload.Collected, string.Join(", ", unload.LingeringAssemblies));
        }
        finally
        {
            ClearGate();
        }
    }

    [Fact]
    public async Task Upgrade_CallStillInFlightAfterDrainTimeout_OldVersionDisposedAndUnloadedAnyway()
    {
        string? data = null;
        await using var host = await RuntimeHost.StartAsync(configure: o =>
        {
            data = o.DataDirectory;
            o.DrainTimeout = TimeSpan.FromMilliseconds(300);
            o.DiagnoseLeaks = false;
        });
        await host.ActivateAsync("greeter", "1.0.0");
        var client = new GreeterService.GreeterServiceClient(host.Channel);
        var (entered, gate) = SetGate();
        try
        {
            var inFlight = client.SayHelloAsync(new HelloRequest { Name = "chờ" }).ResponseAsync;
            await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

            await host.ActivateAsync("greeter", "2.0.0");
            // Completes while the call is still held: the drain gave up after its timeout.
            var unload = Assert.Single(await host.Manager.WaitForUnloadsAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            var disposals = File.ReadAllLines(Path.Combine(data!, Greeter, "disposals.txt")).Order(StringComparer.Ordinal).ToList();
            var stillHeld = !inFlight.IsCompleted;
            gate.SetResult();
            await inFlight.ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(stillHeld);
            // Disposed before the held call went on: it is not counted and greeted nobody yet.
            Assert.Equal(["IAsyncDisposable 1.0.0 0", "IDisposable 1.0.0 "], disposals);
            // The held call's own frames keep the old context alive: reported, not collected.
            Assert.False(unload.Collected);
            Assert.Contains("DanVan.Plugins.TestPlugins.Greeter", unload.LingeringAssemblies);
        }
        finally
        {
            ClearGate();
        }
    }

    private static (TaskCompletionSource Entered, TaskCompletionSource Gate) SetGate()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        AppContext.SetData(EnteredKey, entered);
        AppContext.SetData(GateKey, gate.Task);
        return (entered, gate);
    }

    private static void ClearGate()
    {
        AppContext.SetData(EnteredKey, null);
        AppContext.SetData(GateKey, null);
    }
}
