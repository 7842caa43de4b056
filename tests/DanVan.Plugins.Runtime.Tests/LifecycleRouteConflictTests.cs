using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Microsoft.Extensions.Configuration;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>A gRPC service name belongs to one plugin; the runtime's own names belong to no plugin.</summary>
public sealed class LifecycleRouteConflictTests
{
    private const string Impostor = "danvan.testplugins.lifecycleimpostor";

    [Fact]
    public async Task SecondPluginDeclaringAnotherPluginsService_QuarantinedNamingTheOwner_OwnerKeepsServing()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");
        var client = new GreeterService.GreeterServiceClient(host.Channel);

        var refused = await Assert.ThrowsAsync<PluginLoadException>(() => host.ActivateAsync("lifecycleimpostor", "1.0.0"));
        var afterRefusal = await client.SayHelloAsync(new HelloRequest { Name = "An" });
        await host.ActivateAsync("greeter", "2.0.0");
        var afterUpgrade = await client.SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Contains("danvan.testplugins.greeter.v1.GreeterService", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'danvan.testplugins.greeter'", refused.Message, StringComparison.Ordinal);
        var impostor = host.Manager.List().Single(s => s.Id == Impostor);
        Assert.Equal(PluginState.Quarantined, impostor.State);
        Assert.Empty(impostor.Services);
        Assert.Equal("1.0.0", afterRefusal.Version);
        Assert.Equal("2.0.0", afterUpgrade.Version);
    }

    [Theory]
    [InlineData("grpc.health.v1.Health")]
    [InlineData("danvan.runtime.v1.PluginAdminService")]
    public async Task PluginDeclaringAReservedService_Quarantined(string service)
    {
        await using var host = await RuntimeHost.StartAsync();
        var declared = TestPluginBuilds.Manifest("lifecyclecore", "1.0.0");
        var manifest = new PluginManifest
        {
            Id = declared.Id,
            Version = declared.Version,
            DisplayName = declared.DisplayName,
            EntryAssembly = declared.EntryAssembly,
            EntryType = declared.EntryType,
            AbstractionsVersion = declared.AbstractionsVersion,
            Services = [service],
        };

        var refused = await Assert.ThrowsAsync<PluginLoadException>(() =>
            host.Manager.ActivateAsync(manifest, TestPluginBuilds.Directory("lifecyclecore", "1.0.0"), new ConfigurationBuilder().Build()));

        Assert.Contains("dành riêng cho runtime", refused.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.Quarantined, host.Manager.List().Single(s => s.Id == declared.Id).State);
    }
}
