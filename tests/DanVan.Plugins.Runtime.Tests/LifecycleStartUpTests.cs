using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>
/// What the runtime does when it starts over the folders of a previous run: province.json first,
/// then the plugins that served, each re-verified against the trust store and started after the
/// plugins it requires.
/// </summary>
public sealed class LifecycleStartUpTests : IDisposable
{
    private const string Core = "danvan.testplugins.lifecyclecore";
    private const string App = "danvan.testplugins.lifecycleapp";
    private const string Greeter = "danvan.testplugins.greeter";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "danvan-lifecycle-" + Guid.NewGuid().ToString("N"));

    private string Province => Path.Combine(_root, "province.json");

    private string Loads(string id) => Path.Combine(_root, "data", id, "loads.txt");

    [Fact]
    public async Task PluginDisabledInProvinceFileWhileDown_NeverLoadsAtRestart()
    {
        await using (var first = await RuntimeHost.StartAsync(root: _root))
        {
            await first.Admin.InstallAsync(TestPackages.Pack("lifecyclecore", "1.0.0", first.Scratch), "it");
        }

        File.Delete(Loads(Core));
        await File.WriteAllTextAsync(Province, """{ "provinceId": "hung-yen", "plugins": { "danvan.testplugins.lifecyclecore": { "enabled": false } } }""");

        await using var second = await RuntimeHost.StartAsync(root: _root, configure: o => o.ProvinceConfigurationPath = Province, startUp: true);

        var status = Assert.Single(second.Admin.List());
        Assert.Equal(PluginState.Disabled, status.State);
        Assert.Null(status.ActiveVersion);
        Assert.False(File.Exists(Loads(Core)), "the plugin province.json disables was loaded at start-up");
        Assert.Contains(second.Admin.AuditLog(), e => e is { Actor: "province-config", Action: "disable", PluginId: Core });
    }

    [Fact]
    public async Task ProvinceFileForAnotherProvinceAtStart_RefusedAndStoredConfigurationKept()
    {
        await using (var first = await RuntimeHost.StartAsync(root: _root))
        {
            await first.Admin.InstallAsync(TestPackages.Pack("lifecyclecore", "1.0.0", first.Scratch), "it");
        }

        await File.WriteAllTextAsync(Province, """{ "provinceId": "ha-noi", "plugins": { "danvan.testplugins.lifecyclecore": { "enabled": false } } }""");

        await using var second = await RuntimeHost.StartAsync(root: _root, configure: o => o.ProvinceConfigurationPath = Province, startUp: true);

        var status = Assert.Single(second.Admin.List());
        Assert.Equal(PluginState.Enabled, status.State);
        Assert.DoesNotContain(second.Admin.AuditLog(), e => e.Actor == "province-config");
    }

    [Fact]
    public async Task DependentPluginSortingFirstById_StartsAfterItsDependencyAtRestart()
    {
        await using (var first = await RuntimeHost.StartAsync(root: _root))
        {
            await first.Admin.InstallAsync(TestPackages.Pack("lifecyclecore", "1.0.0", first.Scratch), "it");
            await first.Admin.InstallAsync(TestPackages.Pack("lifecycleapp", "1.0.0", first.Scratch), "it");
        }

        await using var second = await RuntimeHost.StartAsync(root: _root, startUp: true);

        var states = second.Admin.List().ToDictionary(s => s.Id, s => (s.State, s.Reason));
        Assert.Equal((PluginState.Enabled, (string?)null), states[App]);
        Assert.Equal((PluginState.Enabled, (string?)null), states[Core]);
    }

    [Fact]
    public async Task StoredPackageAlteredWhileDown_QuarantinedAtRestartOthersServe()
    {
        await using (var first = await RuntimeHost.StartAsync(root: _root))
        {
            await first.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", first.Scratch), "it");
            await first.Admin.InstallAsync(TestPackages.Pack("lifecyclecore", "1.0.0", first.Scratch), "it");
        }

        var stored = Path.Combine(_root, "store", "packages", Greeter, "1.0.0.dvp");
        var bytes = await File.ReadAllBytesAsync(stored);
        bytes[bytes.Length / 2] ^= 0x5a;
        await File.WriteAllBytesAsync(stored, bytes);

        await using var second = await RuntimeHost.StartAsync(root: _root, startUp: true);

        var states = second.Admin.List().ToDictionary(s => s.Id);
        Assert.Equal(PluginState.Quarantined, states[Greeter].State);
        Assert.False(string.IsNullOrWhiteSpace(states[Greeter].Reason));
        Assert.Null(states[Greeter].ActiveVersion);
        Assert.Equal(PluginState.Enabled, states[Core].State);
        var call = await Assert.ThrowsAsync<Grpc.RpcException>(() => new GreeterService.GreeterServiceClient(second.Channel).SayHelloAsync(new HelloRequest()).ResponseAsync);
        Assert.NotEqual(Grpc.StatusCode.OK, call.StatusCode);
    }

    [Fact]
    public async Task ExtractedAssemblyAlteredWhileDown_RestoredFromTheSignedPackageAtRestart()
    {
        await using (var first = await RuntimeHost.StartAsync(root: _root))
        {
            await first.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", first.Scratch), "it");
        }

        var assembly = Path.Combine(_root, "store", "versions", Greeter, "1.0.0", "DanVan.Plugins.TestPlugins.Greeter.dll");
        var signed = await File.ReadAllBytesAsync(assembly);
        await File.WriteAllBytesAsync(assembly, [.. signed.Take(signed.Length / 2)]);

        await using var second = await RuntimeHost.StartAsync(root: _root, startUp: true);
        var reply = await new GreeterService.GreeterServiceClient(second.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal("1.0.0", reply.Version);
        Assert.Equal(signed, await File.ReadAllBytesAsync(assembly));
    }

    [Fact]
    public async Task PublisherKeyRemovedFromTrustStoreWhileDown_RefusedAtRestart()
    {
        var trust = Path.Combine(_root, "trust");
        Directory.CreateDirectory(trust);
        foreach (var key in Directory.GetFiles(RepoPaths.DevelopmentKeyDirectory, "*.pub.pem"))
        {
            File.Copy(key, Path.Combine(trust, Path.GetFileName(key)));
        }

        await using (var first = await RuntimeHost.StartAsync(root: _root, configure: o => o.TrustStorePath = trust))
        {
            await first.Admin.InstallAsync(TestPackages.Pack("lifecyclecore", "1.0.0", first.Scratch), "it");
        }

        File.Delete(Loads(Core));
        foreach (var key in Directory.GetFiles(trust))
        {
            File.Delete(key);
        }

        await using var second = await RuntimeHost.StartAsync(root: _root, configure: o => o.TrustStorePath = trust, startUp: true);

        var status = Assert.Single(second.Admin.List());
        Assert.Equal(PluginState.Quarantined, status.State);
        Assert.Contains("không có trong danh sách nhà phát hành tin cậy", status.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(Loads(Core)), "a package whose publisher is no longer trusted was loaded");
    }

    [Fact]
    public void RequiredDependenciesInACycle_RefusedWithTheCycleNamed()
    {
        PluginManifest[] plugins = [Manifest("c.needs-a", "a.one"), Manifest("b.two", "a.one"), Manifest("a.one", "b.two"), Manifest("d.free")];

        var (ordered, refused) = StartOrder.Sort(plugins);

        Assert.Equal(["d.free"], ordered.Select(p => p.Id));
        Assert.Contains("a.one → b.two → a.one", refused["a.one"], StringComparison.Ordinal);
        Assert.Contains("b.two → a.one → b.two", refused["b.two"], StringComparison.Ordinal);
        Assert.Contains("'a.one'", refused["c.needs-a"], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static PluginManifest Manifest(string id, params string[] needs) => new()
    {
        Id = id,
        Version = "1.0.0",
        DisplayName = id,
        EntryAssembly = "x.dll",
        EntryType = "X",
        AbstractionsVersion = "1.0",
        Dependencies = [.. needs.Select(n => new PluginDependency { Id = n })],
    };
}
