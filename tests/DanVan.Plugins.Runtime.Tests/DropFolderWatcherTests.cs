using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.Runtime.Watching;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class DropFolderWatcherTests
{
    [Fact]
    public async Task PackageDropped_InstalledThenUpgradedWithoutRestart()
    {
        var drop = Path.Combine(Path.GetTempPath(), "danvan-drop-" + Guid.NewGuid().ToString("N"));
        await using var host = await RuntimeHost.StartAsync(configure: o => o.DropDirectory = drop);
        var processed = Watch(host);
        var client = new GreeterService.GreeterServiceClient(host.Channel);

        File.Copy(TestPackages.Pack("greeter", "1.0.0", host.Scratch), Path.Combine(drop, "greeter-1.0.0.dvp"));
        Assert.Equal(("greeter-1.0.0.dvp", true), await processed.Next());
        var first = (await client.SayHelloAsync(new HelloRequest())).Version;
        File.Copy(TestPackages.Pack("greeter", "2.0.0", host.Scratch), Path.Combine(drop, "greeter-2.0.0.dvp"));
        Assert.Equal(("greeter-2.0.0.dvp", true), await processed.Next());
        var second = (await client.SayHelloAsync(new HelloRequest())).Version;

        Assert.Equal(("1.0.0", "2.0.0"), (first, second));
        Assert.True(File.Exists(Path.Combine(drop, "processed", "greeter-2.0.0.dvp")));
        Assert.Equal("drop-folder", host.Admin.AuditLog()[^1].Actor);
        Directory.Delete(drop, recursive: true);
    }

    [Fact]
    public async Task TamperedPackageDropped_RejectedWithVietnameseReason()
    {
        var drop = Path.Combine(Path.GetTempPath(), "danvan-drop-" + Guid.NewGuid().ToString("N"));
        await using var host = await RuntimeHost.StartAsync(configure: o => o.DropDirectory = drop);
        var processed = Watch(host);
        var package = TestPackages.Pack("greeter", "1.0.0", host.Scratch);
        var bytes = await File.ReadAllBytesAsync(package);
        bytes[bytes.Length / 2] ^= 0x33;

        await File.WriteAllBytesAsync(Path.Combine(drop, "broken.dvp"), bytes);

        Assert.Equal(("broken.dvp", false), await processed.Next());
        Assert.Empty(host.Admin.List());
        var reason = await File.ReadAllTextAsync(Path.Combine(drop, "rejected", "broken.dvp.reason.txt"));
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Directory.Delete(drop, recursive: true);
    }

    [Fact]
    public async Task CopyPausingLongerThanTheDebounce_LookedAtAgainAndInstalledWhenComplete()
    {
        var drop = Path.Combine(Path.GetTempPath(), "danvan-drop-" + Guid.NewGuid().ToString("N"));
        await using var host = await RuntimeHost.StartAsync(configure: o => o.DropDirectory = drop);
        var processed = Watch(host);
        var deferred = System.Threading.Channels.Channel.CreateUnbounded<string>();
        host.Services.GetRequiredService<DropFolderWatcher>().Deferred += name => deferred.Writer.TryWrite(name);
        var bytes = await File.ReadAllBytesAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch));
        var target = Path.Combine(drop, "greeter-1.0.0.dvp");

        await File.WriteAllBytesAsync(target, bytes[..(bytes.Length / 2)]);
        var firstLook = await deferred.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await using (var rest = new FileStream(target, FileMode.Append))
        {
            await rest.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        }

        Assert.Equal("greeter-1.0.0.dvp", firstLook);
        Assert.Equal(("greeter-1.0.0.dvp", true), await processed.Next());
        Assert.Equal("1.0.0", (await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest())).Version);
        Assert.False(Directory.Exists(Path.Combine(drop, "rejected")));
        Directory.Delete(drop, recursive: true);
    }

    [Fact]
    public async Task FileThatStaysUnreadable_RefusedAfterASecondLook()
    {
        var drop = Path.Combine(Path.GetTempPath(), "danvan-drop-" + Guid.NewGuid().ToString("N"));
        await using var host = await RuntimeHost.StartAsync(configure: o => o.DropDirectory = drop);
        var processed = Watch(host);
        var looks = 0;
        host.Services.GetRequiredService<DropFolderWatcher>().Deferred += _ => Interlocked.Increment(ref looks);

        await File.WriteAllTextAsync(Path.Combine(drop, "khong-phai-goi.dvp"), "đây không phải là gói tiện ích");

        Assert.Equal(("khong-phai-goi.dvp", false), await processed.Next());
        Assert.Equal(1, looks);
        Assert.True(File.Exists(Path.Combine(drop, "rejected", "khong-phai-goi.dvp.reason.txt")));
        Assert.Empty(host.Admin.List());
        Directory.Delete(drop, recursive: true);
    }

    [Fact]
    public async Task NewVersionDroppedForDisabledPlugin_InstalledButStaysDisabled()
    {
        var drop = Path.Combine(Path.GetTempPath(), "danvan-drop-" + Guid.NewGuid().ToString("N"));
        await using var host = await RuntimeHost.StartAsync(configure: o => o.DropDirectory = drop);
        var processed = Watch(host);
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "it");
        await host.Admin.DisableAsync("danvan.testplugins.greeter", "it");

        File.Copy(TestPackages.Pack("greeter", "2.0.0", host.Scratch), Path.Combine(drop, "greeter-2.0.0.dvp"));
        Assert.Equal(("greeter-2.0.0.dvp", true), await processed.Next());
        var call = await Assert.ThrowsAsync<RpcException>(() => new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest()).ResponseAsync);

        var status = Assert.Single(host.Admin.List());
        Assert.Equal(PluginState.Disabled, status.State);
        Assert.Null(status.ActiveVersion);
        Assert.Equal(["1.0.0", "2.0.0"], status.InstalledVersions);
        Assert.Equal(StatusCode.Unavailable, call.StatusCode);
        Directory.Delete(drop, recursive: true);
    }

    [Fact]
    public async Task PackageDroppedForPluginProvinceFileDisables_InstalledButNeverLoads()
    {
        var drop = Path.Combine(Path.GetTempPath(), "danvan-drop-" + Guid.NewGuid().ToString("N"));
        var province = Path.Combine(drop + "-province", "province.json");
        Directory.CreateDirectory(Path.GetDirectoryName(province)!);
        await File.WriteAllTextAsync(province, """{ "provinceId": "hung-yen", "plugins": { "danvan.testplugins.lifecyclecore": { "enabled": false } } }""");
        await using var host = await RuntimeHost.StartAsync(configure: o =>
        {
            o.DropDirectory = drop;
            o.ProvinceConfigurationPath = province;
        });
        var processed = Watch(host);

        File.Copy(TestPackages.Pack("lifecyclecore", "1.0.0", host.Scratch), Path.Combine(drop, "core-1.0.0.dvp"));
        Assert.Equal(("core-1.0.0.dvp", true), await processed.Next());

        var status = Assert.Single(host.Admin.List());
        Assert.NotEqual(PluginState.Enabled, status.State);
        Assert.Null(status.ActiveVersion);
        Assert.Equal(["1.0.0"], status.InstalledVersions);
        var data = host.Services.GetRequiredService<PluginRuntimeOptions>().DataDirectory;
        Assert.False(File.Exists(Path.Combine(data, "danvan.testplugins.lifecyclecore", "loads.txt")), "the plugin province.json disables was loaded");
        Directory.Delete(drop, recursive: true);
        Directory.Delete(Path.GetDirectoryName(province)!, recursive: true);
    }

    [Fact]
    public async Task PackageDroppedForPluginProvinceFileConfigures_StartsWithTheProvinceSettings()
    {
        var drop = Path.Combine(Path.GetTempPath(), "danvan-drop-" + Guid.NewGuid().ToString("N"));
        var province = Path.Combine(drop + "-province", "province.json");
        Directory.CreateDirectory(Path.GetDirectoryName(province)!);
        await File.WriteAllTextAsync(province, """{ "provinceId": "hung-yen", "plugins": { "danvan.testplugins.greeter": { "enabled": true, "settings": { "greetingWord": "Kính chào" } } } }""");
        await using var host = await RuntimeHost.StartAsync(configure: o =>
        {
            o.DropDirectory = drop;
            o.ProvinceConfigurationPath = province;
        });
        var processed = Watch(host);

        File.Copy(TestPackages.Pack("greeter", "1.0.0", host.Scratch), Path.Combine(drop, "greeter-1.0.0.dvp"));
        Assert.Equal(("greeter-1.0.0.dvp", true), await processed.Next());
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal("Kính chào An từ 1.0.0!", reply.Message);
        Directory.Delete(drop, recursive: true);
        Directory.Delete(Path.GetDirectoryName(province)!, recursive: true);
    }

    private static Signals Watch(RuntimeHost host)
    {
        var signals = new Signals();
        host.Services.GetRequiredService<DropFolderWatcher>().Processed += signals.Add;
        return signals;
    }

    private sealed class Signals
    {
        private readonly System.Threading.Channels.Channel<(string, bool)> _channel = System.Threading.Channels.Channel.CreateUnbounded<(string, bool)>();

        public void Add(string name, bool installed) => _channel.Writer.TryWrite((name, installed));

        public async Task<(string, bool)> Next() => await _channel.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
