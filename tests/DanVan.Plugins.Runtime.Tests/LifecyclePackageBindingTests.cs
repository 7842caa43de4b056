using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Packaging;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>An installed plugin id stays bound to its publisher and to the package installed for each version.</summary>
public sealed class LifecyclePackageBindingTests : IDisposable
{
    private const string Greeter = "danvan.testplugins.greeter";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "danvan-binding-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task UpgradeSignedByAnotherTrustedPublisher_RefusedAndInstalledVersionKeepsServing()
    {
        using var other = PackageSigningKey.Generate();
        var trust = TrustFolder(other);
        await using var host = await RuntimeHost.StartAsync(root: _root, configure: o => o.TrustStorePath = trust);
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "it");

        var refused = await Assert.ThrowsAsync<PackageException>(() => host.Admin.InstallAsync(TestPackages.Pack("greeter", "2.0.0", host.Scratch, other), "it"));
        var ownPlugin = await host.Admin.InstallAsync(TestPackages.Pack("lifecyclecore", "1.0.0", host.Scratch, other), "it");
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        var error = Assert.Single(refused.Errors);
        Assert.Equal(PackageErrorCode.PublisherChanged, error.Code);
        Assert.Contains("Chỉ nhà phát hành của plugin đã cài mới được nâng cấp nó", error.MessageVi, StringComparison.Ordinal);
        Assert.Equal("1.0.0", reply.Version);
        Assert.Equal(["1.0.0"], host.Admin.List().Single(s => s.Id == Greeter).InstalledVersions);
        Assert.Equal(PluginState.Enabled, ownPlugin.State);
    }

    [Fact]
    public async Task StoredPackageSwappedForAnotherSignedPackageWhileDown_QuarantinedAtRestart()
    {
        await using (var first = await RuntimeHost.StartAsync(root: _root))
        {
            await first.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", first.Scratch), "it");
        }

        // A validly signed package of another plugin, put where the greeter's is kept.
        File.Copy(TestPackages.Pack("lifecyclecore", "1.0.0", Path.Combine(_root, "scratch")), Path.Combine(_root, "store", "packages", Greeter, "1.0.0.dvp"), overwrite: true);

        await using var second = await RuntimeHost.StartAsync(root: _root, startUp: true);

        var status = Assert.Single(second.Admin.List());
        Assert.Equal(Greeter, status.Id);
        Assert.Equal(PluginState.Quarantined, status.State);
        Assert.Contains("không còn là gói đã cài", status.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Manager.List(), s => s.Id == "danvan.testplugins.lifecyclecore");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string TrustFolder(PackageSigningKey other)
    {
        var trust = Path.Combine(_root, "trust");
        Directory.CreateDirectory(trust);
        foreach (var key in Directory.GetFiles(RepoPaths.DevelopmentKeyDirectory, "*" + TrustStore.PublicKeyFileSuffix))
        {
            File.Copy(key, Path.Combine(trust, Path.GetFileName(key)));
        }

        File.WriteAllText(Path.Combine(trust, "other-publisher" + TrustStore.PublicKeyFileSuffix), other.ExportPublicKeyPem());
        return trust;
    }
}
