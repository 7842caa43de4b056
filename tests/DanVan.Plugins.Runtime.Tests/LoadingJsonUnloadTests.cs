using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>
/// A plugin that wrote one of its own types with System.Text.Json by reflection (as the Tasks
/// plugin writes a report's evidence) still unloads: the serializer's shared caches of emitted
/// accessors held the old version alive until the runtime emptied them before the unload.
/// </summary>
public sealed class LoadingJsonUnloadTests
{
    [Fact]
    public async Task Upgrade_AfterThePluginSerializedItsOwnTypeByReflection_OldContextCollected()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");
        var settings = await new GreeterService.GreeterServiceClient(host.Channel).DescribeSettingsAsync(new DescribeSettingsRequest());

        await host.ActivateAsync("greeter", "2.0.0");
        var unload = Assert.Single(await host.Manager.WaitForUnloadsAsync());

        Assert.Contains("\"GreetingWord\":", settings.OptionsJson, StringComparison.Ordinal);
        Assert.True(unload.Collected, string.Join(", ", unload.LingeringAssemblies));
    }
}
