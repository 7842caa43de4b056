using System.Security.Cryptography;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Runtime.Packaging;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>ListPlugins/GetPlugin fill every field of danvan.runtime.v1's Plugin from the manifest, the store and the serving version.</summary>
public sealed class AdminPluginDetailsTests
{
    internal const string DependentId = "danvan.testplugins.dependent";
    private const string Greeter = "danvan.testplugins.greeter";
    private static readonly DateTimeOffset Start = new(2026, 4, 6, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetPlugin_AfterUpgrade_DescribesManifestStoreAndServingVersion()
    {
        var time = new FakeTimeProvider(Start);
        await using var host = await RuntimeHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(time));
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await AdminServiceTests.Install(admin, TestPackages.Pack("greeter", "1.0.0", host.Scratch));
        time.Advance(TimeSpan.FromDays(1));
        var v2 = TestPackages.Pack("greeter", "2.0.0", host.Scratch);
        await AdminServiceTests.Upgrade(admin, v2, new UpgradePluginOptions { PluginId = Greeter });
        time.Advance(TimeSpan.FromMinutes(5));

        var plugin = (await admin.GetPluginAsync(new GetPluginRequest { PluginId = Greeter })).Plugin;
        var listed = Assert.Single((await admin.ListPluginsAsync(new ListPluginsRequest())).Plugins);

        Assert.Equal(plugin, listed);
        Assert.Equal(("2.0.0", "1.0.0", PluginState.Enabled), (plugin.Version, plugin.PreviousVersion, plugin.State));
        Assert.Equal(("DanVan development", "1.0"), (plugin.Publisher, plugin.AbstractionsVersion));
        Assert.Equal("Plugin thử nghiệm trả lời kèm phiên bản.", plugin.Description);
        Assert.Equal(Start.AddDays(1), plugin.StateChangeTime.ToDateTimeOffset());
        Assert.Equal((HealthStatus.Healthy, Start.AddDays(1).AddMinutes(5)), (plugin.Health.Status, plugin.Health.CheckTime.ToDateTimeOffset()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(v2))), plugin.PackageSha256);
        Assert.Equal(["danvan.testplugins.greeter.v1.GreeterService"], plugin.Services.Select(s => s.FullName));
        var tab = plugin.Tabs.Single(t => t.Id == "document-info");
        Assert.Equal(("Thông tin văn bản", TabPlacement.Document), (tab.Title, Assert.Single(tab.Placements)));
    }

    [Fact]
    public async Task GetPlugin_InstalledNotEnabled_PermissionsDependenciesNoHealth()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await AdminServiceTests.Install(admin, PackDependingOnGreeter(host.Scratch), new InstallPluginOptions { Enable = false });

        var plugin = (await admin.GetPluginAsync(new GetPluginRequest { PluginId = DependentId })).Plugin;

        Assert.Equal(["notifications:send"], plugin.Permissions);
        var dependency = Assert.Single(plugin.Dependencies);
        Assert.Equal((Greeter, "[1.0.0, )"), (dependency.PluginId, dependency.VersionRange));
        Assert.Equal("Lời chào (plugin thử nghiệm)", plugin.DisplayName);
        Assert.Null(plugin.Health);
        Assert.Equal("", plugin.PreviousVersion);
        Assert.Equal(64, plugin.PackageSha256.Length);
    }

    [Fact]
    public async Task GetPlugin_AbstractionsVersion_IsTheManifestsNotTheRuntimes()
    {
        await using var host = await RuntimeHost.StartAsync();
        await Assert.ThrowsAsync<Loading.PluginLoadException>(() => host.ActivateAsync("future", "1.0.0"));
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);

        var plugin = (await admin.GetPluginAsync(new GetPluginRequest { PluginId = "danvan.testplugins.future" })).Plugin;

        Assert.Equal(PluginState.Quarantined, plugin.State);
        Assert.Equal("1.9", plugin.AbstractionsVersion);
        Assert.NotEqual(PluginApi.Version, plugin.AbstractionsVersion);
    }

    /// <summary>The greeter build signed as another plugin that needs greeter 1.0.0 or later and asks to send notifications.</summary>
    internal static string PackDependingOnGreeter(string outputDirectory)
    {
        var greeter = TestPluginBuilds.Manifest("greeter", "1.0.0");
        var manifest = new PluginManifest
        {
            Id = DependentId,
            Version = "1.0.0",
            DisplayName = greeter.DisplayName,
            Description = greeter.Description,
            Publisher = greeter.Publisher,
            EntryAssembly = greeter.EntryAssembly,
            EntryType = greeter.EntryType,
            AbstractionsVersion = greeter.AbstractionsVersion,
            Contracts = greeter.Contracts,
            Dependencies = [new PluginDependency { Id = Greeter, MinVersion = "1.0.0" }],
            Permissions = ["notifications:send"],
        };
        using var key = PackageSigningKey.FromPemFile(RepoPaths.DevelopmentPrivateKey);
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, $"{DependentId}-{Guid.NewGuid():N}.dvp");
        new PluginPackageWriter(key) { Publisher = manifest.Publisher }.WriteFile(manifest, TestPluginBuilds.Directory("greeter", "1.0.0"), path);
        return path;
    }
}
