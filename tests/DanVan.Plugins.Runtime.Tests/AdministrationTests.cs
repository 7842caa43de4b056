using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Packaging;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class AdministrationTests
{
    private const string Greeter = "danvan.testplugins.greeter";

    [Fact]
    public async Task Install_SignedPackage_ServesAndIsAudited()
    {
        await using var host = await RuntimeHost.StartAsync();

        var status = await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), actor: "it.hungyen");
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal(PluginState.Enabled, status.State);
        Assert.Equal("1.0.0", reply.Version);
        var audit = Assert.Single(host.Admin.AuditLog());
        Assert.Equal(("it.hungyen", "install", Greeter, "ok"), (audit.Actor, audit.Action, audit.PluginId, audit.Outcome));
    }

    [Fact]
    public async Task Install_PackageFromTheRepoBuildStep_VerifiesAndServes()
    {
        await using var host = await RuntimeHost.StartAsync();
        var built = Path.Combine(AppContext.BaseDirectory, "testpackages", "DanVan.Plugins.TestPlugins.Greeter-2.0.0.dvp");

        var status = await host.Admin.InstallAsync(built, "it");
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal("2.0.0", status.ActiveVersion);
        Assert.Equal("2.0.0", reply.Version);
    }

    [Fact]
    public async Task Install_NewerVersion_UpgradesAndRollbackReturns()
    {
        await using var host = await RuntimeHost.StartAsync();
        var client = new GreeterService.GreeterServiceClient(host.Channel);
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "it");

        var upgraded = await host.Admin.InstallAsync(TestPackages.Pack("greeter", "2.0.0", host.Scratch), "it");
        var afterUpgrade = (await client.SayHelloAsync(new HelloRequest { Name = "An" })).Version;
        var rolledBack = await host.Admin.RollbackAsync(Greeter, "it");
        var afterRollback = (await client.SayHelloAsync(new HelloRequest { Name = "An" })).Version;

        Assert.Equal("2.0.0", upgraded.ActiveVersion);
        Assert.Equal(["1.0.0", "2.0.0"], upgraded.InstalledVersions);
        Assert.Equal("2.0.0", afterUpgrade);
        Assert.Equal("1.0.0", rolledBack.ActiveVersion);
        Assert.Equal("1.0.0", afterRollback);
    }

    [Fact]
    public async Task Install_OlderVersion_RefusedUnlessAsked()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "2.0.0", host.Scratch), "it");
        var older = TestPackages.Pack("greeter", "1.0.0", host.Scratch);

        var refused = await Assert.ThrowsAsync<PackageException>(() => host.Admin.InstallAsync(older, "it"));
        var stillServing = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest());
        var allowed = await host.Admin.InstallAsync(older, "it", allowDowngrade: true);

        Assert.Equal(PackageErrorCode.DowngradeRefused, Assert.Single(refused.Errors).Code);
        Assert.Equal("2.0.0", stillServing.Version);
        Assert.Equal("1.0.0", allowed.ActiveVersion);
    }

    [Fact]
    public async Task Install_TamperedPackage_RefusedAndNothingChanges()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "it");
        var tampered = TestPackages.Pack("greeter", "2.0.0", host.Scratch);
        Tamper(tampered, "lib/DanVan.Plugins.TestPlugins.Greeter.dll");

        var refused = await Assert.ThrowsAsync<PackageException>(() => host.Admin.InstallAsync(tampered, "it"));
        var status = Assert.Single(host.Admin.List());

        Assert.Contains(refused.Errors, e => e.Code == PackageErrorCode.FileTampered);
        Assert.Equal(["1.0.0"], status.InstalledVersions);
        Assert.Equal("1.0.0", status.ActiveVersion);
        Assert.Equal("refused", host.Admin.AuditLog()[^1].Outcome);
    }

    [Fact]
    public async Task Install_UntrustedPublisher_Refused()
    {
        await using var host = await RuntimeHost.StartAsync();
        using var stranger = PackageSigningKey.Generate();

        var refused = await Assert.ThrowsAsync<PackageException>(() => host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch, stranger), "it"));

        Assert.Contains(refused.Errors, e => e.Code == PackageErrorCode.UntrustedPublisher);
        Assert.Empty(host.Admin.List());
    }

    [Fact]
    public async Task Restart_EnabledPlugin_ServesAgainAfterRestore()
    {
        var root = Path.Combine(Path.GetTempPath(), "danvan-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using (var first = await RuntimeHost.StartAsync(root: root))
            {
                await first.Admin.InstallAsync(TestPackages.Pack("greeter", "2.0.0", first.Scratch), "it");
            }

            await using var second = await RuntimeHost.StartAsync(root: root);
            await second.Admin.RestoreAsync();
            var reply = await new GreeterService.GreeterServiceClient(second.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

            Assert.Equal("2.0.0", reply.Version);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task UpdateSettings_UnknownSetting_RefusedInVietnamese()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "it");

        var refused = await Assert.ThrowsAsync<DanVan.Plugins.Runtime.Administration.PluginSettingsException>(
            () => host.Admin.UpdateSettingsAsync(Greeter, new Dictionary<string, string> { ["soNgayNhacTruoc"] = "5" }, "it"));

        Assert.Equal("Thiết lập 'soNgayNhacTruoc' không có trong khai báo của plugin danvan.testplugins.greeter.", Assert.Single(refused.Problems));
    }

    private static void Tamper(string packagePath, string entryName)
    {
        using var zip = System.IO.Compression.ZipFile.Open(packagePath, System.IO.Compression.ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName)!;
        byte[] bytes;
        using (var read = entry.Open())
        using (var copy = new MemoryStream())
        {
            read.CopyTo(copy);
            bytes = copy.ToArray();
        }

        bytes[^1] ^= 0xFF;
        entry.Delete();
        using var write = zip.CreateEntry(entryName).Open();
        write.Write(bytes);
    }
}
