using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Microsoft.Extensions.Configuration;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class IsolationTests
{
    [Fact]
    public async Task Activate_PluginThrowingAtStartUp_QuarantinedAndOthersServe()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");

        var ex = await Assert.ThrowsAsync<PluginLoadException>(() => host.ActivateAsync("throwing", "1.0.0"));

        Assert.Contains("Cố ý lỗi khi đăng ký dịch vụ.", ex.Message, StringComparison.Ordinal);
        var status = host.Manager.List().Single(s => s.Id == "danvan.testplugins.throwing");
        Assert.Equal(PluginState.Quarantined, status.State);
        Assert.Equal(ex.Message, status.Reason);
        Assert.Equal("1.0.0", (await Greet(host)).Version);
    }

    [Fact]
    public async Task Activate_PluginHangingAtStartUp_QuarantinedWithinTimeoutAndOthersServe()
    {
        await using var host = await RuntimeHost.StartAsync(startTimeout: TimeSpan.FromSeconds(1));
        await host.ActivateAsync("greeter", "1.0.0");

        var ex = await Assert.ThrowsAsync<PluginLoadException>(() => host.ActivateAsync("hanging", "1.0.0"));

        Assert.Contains("Map did not finish within 1 s", ex.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.Quarantined, host.Manager.List().Single(s => s.Id == "danvan.testplugins.hanging").State);
        Assert.Equal("1.0.0", (await Greet(host)).Version);
    }

    [Fact]
    public async Task Activate_PluginMissingPrivateDependency_QuarantinedNamingIt()
    {
        await using var host = await RuntimeHost.StartAsync();
        var incomplete = Path.Combine(host.Scratch, "missing");
        Directory.CreateDirectory(incomplete);
        foreach (var file in Directory.GetFiles(TestPluginBuilds.Directory("missingdependency", "1.0.0")))
        {
            if (!Path.GetFileName(file).StartsWith("DanVan.Plugins.TestPlugins.MissingDependency.Helper", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(incomplete, Path.GetFileName(file)));
            }
        }

        var ex = await Assert.ThrowsAsync<PluginLoadException>(() =>
            host.Manager.ActivateAsync(TestPluginBuilds.Manifest("missingdependency", "1.0.0"), incomplete, new ConfigurationBuilder().Build()));
        var complete = await host.ActivateAsync("missingdependency", "1.0.0");

        Assert.Contains("a dependency is missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DanVan.Plugins.TestPlugins.MissingDependency.Helper", ex.Message, StringComparison.Ordinal);
        Assert.Equal(PluginState.Enabled, complete.State);
    }

    [Fact]
    public async Task Activate_PluginBuiltForNewerApiAndContract_RefusedBeforeAnyCodeRuns()
    {
        await using var host = await RuntimeHost.StartAsync();

        var ex = await Assert.ThrowsAsync<PluginLoadException>(() => host.ActivateAsync("future", "1.0.0"));

        Assert.Contains("was built for plugin API 1.9; this runtime offers 1.0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("needs contract danvan.host.v2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Must never run", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(System.Runtime.Loader.AssemblyLoadContext.All, c => c.Name == "danvan.testplugins.future@1.0.0");
    }

    [Fact]
    public async Task Activate_RequiredDependencyNotEnabled_RefusedAndOptionalOneIgnored()
    {
        await using var host = await RuntimeHost.StartAsync();
        var greeter = TestPluginBuilds.Manifest("greeter", "1.0.0");
        var needsTasks = With(greeter, new PluginDependency { Id = "danvan.tasks", MinVersion = "1.2.0" });
        var canUseTasks = With(greeter, new PluginDependency { Id = "danvan.tasks", Optional = true });
        var settings = new ConfigurationBuilder().Build();

        var ex = await Assert.ThrowsAsync<PluginLoadException>(() => host.Manager.ActivateAsync(needsTasks, TestPluginBuilds.Directory("greeter", "1.0.0"), settings));
        var loaded = await host.Manager.ActivateAsync(canUseTasks, TestPluginBuilds.Directory("greeter", "1.0.0"), settings);

        Assert.Equal("Plugin 'danvan.testplugins.greeter' 1.0.0 needs plugin 'danvan.tasks' 1.2.0 or later, which is not enabled.", ex.Message);
        Assert.Equal(PluginState.Enabled, loaded.State);
    }

    [Fact]
    public async Task Call_HandlerThrows_InternalForThatCallOnly()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");
        var client = new GreeterService.GreeterServiceClient(host.Channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.SayHelloAsync(new HelloRequest { Name = "lỗi" }).ResponseAsync);
        var next = await client.SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Equal("Exception was thrown by handler.", ex.Status.Detail);
        Assert.Equal("Xin chào An từ 1.0.0!", next.Message);
    }

    private static PluginManifest With(PluginManifest manifest, PluginDependency dependency) => new()
    {
        Id = manifest.Id,
        Version = manifest.Version,
        DisplayName = manifest.DisplayName,
        Publisher = manifest.Publisher,
        EntryAssembly = manifest.EntryAssembly,
        EntryType = manifest.EntryType,
        AbstractionsVersion = manifest.AbstractionsVersion,
        Contracts = manifest.Contracts,
        Services = manifest.Services,
        Tabs = manifest.Tabs,
        Settings = manifest.Settings,
        Dependencies = [dependency],
    };

    private static async Task<HelloResponse> Greet(RuntimeHost host) =>
        await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });
}
