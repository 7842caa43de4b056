using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>
/// When a version unloads (upgrade or disable), its container is disposed: the Greeter's IAsyncDisposable
/// and IDisposable singletons note it in the plugin's data folder (a file, so nothing holds the context),
/// and the context is still collected.
/// </summary>
public sealed class LoadingDisposalTests
{
    private const string Greeter = "danvan.testplugins.greeter";

    [Fact]
    public async Task Upgrade_OldVersionsDisposableSingletons_DisposedBeforeItsContextIsCollected()
    {
        string? data = null;
        await using var host = await RuntimeHost.StartAsync(configure: o => data = o.DataDirectory);
        await host.ActivateAsync("greeter", "1.0.0");
        var client = new GreeterService.GreeterServiceClient(host.Channel);
        await client.SayHelloAsync(new HelloRequest { Name = "An" });
        await client.SayHelloAsync(new HelloRequest { Name = "Bình" });
        var log = Path.Combine(data!, Greeter, "disposals.txt");
        var beforeUpgrade = File.Exists(log);

        await host.ActivateAsync("greeter", "2.0.0");
        var unload = Assert.Single(await host.Manager.WaitForUnloadsAsync());

        Assert.False(beforeUpgrade);
        Assert.Equal(["IAsyncDisposable 1.0.0 2", "IDisposable 1.0.0 Bình"], File.ReadAllLines(log).Order(StringComparer.Ordinal));
        Assert.True(unload.Collected, string.Join(", ", unload.LingeringAssemblies));
    }

    [Fact]
    public async Task Disable_DisposableSingletons_Disposed()
    {
        string? data = null;
        await using var host = await RuntimeHost.StartAsync(configure: o => data = o.DataDirectory);
        await host.ActivateAsync("greeter", "2.0.0");
        await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        await host.Manager.DisableAsync(Greeter);
        var unload = Assert.Single(await host.Manager.WaitForUnloadsAsync());

        Assert.Equal(["IAsyncDisposable 2.0.0 1", "IDisposable 2.0.0 An"], File.ReadAllLines(Path.Combine(data!, Greeter, "disposals.txt")).Order(StringComparer.Ordinal));
        Assert.True(unload.Collected, string.Join(", ", unload.LingeringAssemblies));
    }
}
