using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.Testing;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>
/// A plugin reads its settings as IOptions&lt;T&gt;/IOptionsMonitor&lt;T&gt;: the runtime adds the options services to
/// each plugin's container (the Greeter binds its options with an IConfigureOptions class only). A settings change
/// restarts the plugin with a fresh container, so options show the new values from the first call after it.
/// </summary>
public sealed class DiOptionsTests
{
    private const string Greeter = "danvan.testplugins.greeter";

    [Fact]
    public async Task Options_ProvinceSettings_ReadThroughIOptionsAndIOptionsMonitor()
    {
        await using var host = await PluginTestHost.StartAsync(
            TestPluginBuilds.Directory("greeter", "1.0.0"),
            new Dictionary<string, string> { ["greetingWord"] = "Kính chào", ["maxNameLength"] = "40" });

        var settings = await new GreeterService.GreeterServiceClient(host.Channel).DescribeSettingsAsync(new DescribeSettingsRequest());

        Assert.Equal(("Kính chào", 40, "Kính chào"), (settings.GreetingWord, settings.MaxNameLength, settings.MonitoredGreetingWord));
    }

    [Fact]
    public async Task Options_NoSettingsGiven_ManifestDefaultsBound()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "it");

        var settings = await new GreeterService.GreeterServiceClient(host.Channel).DescribeSettingsAsync(new DescribeSettingsRequest());

        Assert.Equal(("Xin chào", 100), (settings.GreetingWord, settings.MaxNameLength));
    }

    [Fact]
    public async Task Options_SettingsChanged_PluginRestartsAndOptionsShowTheNewValues()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "it");
        var client = new GreeterService.GreeterServiceClient(host.Channel);
        var before = await client.DescribeSettingsAsync(new DescribeSettingsRequest());

        await host.Admin.UpdateSettingsAsync(Greeter, new Dictionary<string, string> { ["greetingWord"] = "Chào mừng", ["maxNameLength"] = "20" }, "it");
        var after = await client.DescribeSettingsAsync(new DescribeSettingsRequest());
        var unload = Assert.Single(await host.Manager.WaitForUnloadsAsync());

        Assert.Equal("Xin chào", before.GreetingWord);
        Assert.Equal(("Chào mừng", 20, "Chào mừng", "1.0.0"), (after.GreetingWord, after.MaxNameLength, after.MonitoredGreetingWord, after.Version));
        // The change restarted the version: the container that read the old settings was unloaded and collected.
        Assert.Equal("1.0.0", unload.Version);
        Assert.True(unload.Collected, string.Join(", ", unload.LingeringAssemblies));
    }
}
