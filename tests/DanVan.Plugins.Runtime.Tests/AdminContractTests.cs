using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>PluginAdminService answers as danvan.runtime.v1 says: refusals before side effects, the published status codes, audited reasons.</summary>
public sealed class AdminContractTests
{
    private const string Greeter = "danvan.testplugins.greeter";

    [Fact]
    public async Task UpgradePlugin_PackageOfAnotherPlugin_InvalidArgumentBeforeAnythingIsInstalled()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await AdminServiceTests.Install(admin, TestPackages.Pack("greeter", "1.0.0", host.Scratch));

        var ex = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Upgrade(admin, TestPackages.Pack("leaky", "1.0.0", host.Scratch), new UpgradePluginOptions { PluginId = Greeter }));
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations);
        Assert.Equal("options.plugin_id", violation.Field);
        Assert.Contains("danvan.testplugins.leaky", violation.Description, StringComparison.Ordinal);
        // Nothing of the other plugin was stored or started; the old version keeps serving.
        Assert.Equal([Greeter], host.Admin.List().Select(p => p.Id));
        Assert.Null(host.Manager.ActiveServices("danvan.testplugins.leaky"));
        Assert.Equal("Xin chào An từ 1.0.0!", reply.Message);
    }

    [Fact]
    public async Task InstallPlugin_OlderVersion_RefusedWithoutAllowDowngradeAndInstalledWithIt()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await AdminServiceTests.Install(admin, TestPackages.Pack("greeter", "2.0.0", host.Scratch));
        var older = TestPackages.Pack("greeter", "1.0.0", host.Scratch);

        var refused = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Install(admin, older, new InstallPluginOptions { Enable = true }));
        var allowed = await AdminServiceTests.Install(admin, older, new InstallPluginOptions { Enable = true, AllowDowngrade = true, Reason = "Bản 2.0.0 lỗi báo cáo" });
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest());

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(("1.0.0", PluginState.Enabled), (allowed.Plugin.Version, allowed.Plugin.State));
        Assert.Equal("1.0.0", reply.Version);
        var audit = host.Admin.AuditLog()[^1];
        Assert.Equal(("install (downgrade allowed)", "ok", "Bản 2.0.0 lỗi báo cáo"), (audit.Action, audit.Outcome, audit.Reason));
    }

    [Fact]
    public async Task UpgradePlugin_OlderVersion_RefusedWithoutAllowDowngradeAndSwitchedWithIt()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await AdminServiceTests.Install(admin, TestPackages.Pack("greeter", "2.0.0", host.Scratch));
        var older = TestPackages.Pack("greeter", "1.0.0", host.Scratch);

        var refused = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Upgrade(admin, older, new UpgradePluginOptions { PluginId = Greeter }));
        var servingAfterRefusal = (await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest())).Version;
        var allowed = await AdminServiceTests.Upgrade(admin, older, new UpgradePluginOptions { PluginId = Greeter, AllowDowngrade = true });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("2.0.0", servingAfterRefusal);
        Assert.Equal(("1.0.0", "2.0.0"), (allowed.Plugin.Version, allowed.Plugin.PreviousVersion));
        Assert.Equal("upgrade (downgrade allowed)", host.Admin.AuditLog()[^1].Action);
    }

    [Fact]
    public async Task EnablePlugin_StartUpFails_AbortedAndQuarantined()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await AdminServiceTests.Install(admin, TestPackages.Pack("throwing", "1.0.0", host.Scratch), new InstallPluginOptions { Enable = false });

        var ex = await Assert.ThrowsAsync<RpcException>(() => admin.EnablePluginAsync(new EnablePluginRequest { PluginId = "danvan.testplugins.throwing" }).ResponseAsync);
        var after = await admin.GetPluginAsync(new GetPluginRequest { PluginId = "danvan.testplugins.throwing" });

        Assert.Equal(StatusCode.Aborted, ex.StatusCode);
        Assert.Equal(PluginState.Quarantined, after.Plugin.State);
        Assert.Contains("Cố ý lỗi khi đăng ký dịch vụ.", after.Plugin.QuarantineReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnablePlugin_RequiredPluginNotEnabled_FailedPreconditionAndNotQuarantined()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        var dependent = AdminPluginDetailsTests.PackDependingOnGreeter(host.Scratch);
        await AdminServiceTests.Install(admin, dependent, new InstallPluginOptions { Enable = false });

        var ex = await Assert.ThrowsAsync<RpcException>(() => admin.EnablePluginAsync(new EnablePluginRequest { PluginId = AdminPluginDetailsTests.DependentId }).ResponseAsync);
        var after = await admin.GetPluginAsync(new GetPluginRequest { PluginId = AdminPluginDetailsTests.DependentId });

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains(Greeter, ex.Status.Detail, StringComparison.Ordinal);
        Assert.NotEqual(PluginState.Quarantined, after.Plugin.State);
    }

    [Fact]
    public async Task DisablePlugin_InstalledNeverEnabled_SucceedsAndTwiceToo()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await AdminServiceTests.Install(admin, TestPackages.Pack("greeter", "1.0.0", host.Scratch), new InstallPluginOptions { Enable = false });

        var first = await admin.DisablePluginAsync(new DisablePluginRequest { PluginId = Greeter });
        var second = await admin.DisablePluginAsync(new DisablePluginRequest { PluginId = Greeter });
        var unknown = await Assert.ThrowsAsync<RpcException>(() => admin.DisablePluginAsync(new DisablePluginRequest { PluginId = "danvan.khong-co" }).ResponseAsync);

        Assert.Equal(PluginState.Disabled, first.Plugin.State);
        Assert.Equal(PluginState.Disabled, second.Plugin.State);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["ok", "ok"], host.Admin.AuditLog().Where(e => e.Action == "disable" && e.PluginId == Greeter).Select(e => e.Outcome));
    }

    [Fact]
    public async Task MutatingCalls_AuditWhoWhenAndReason_OnTheRuntimeClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));
        await using var host = await RuntimeHost.StartAsync(services: s => s.AddSingleton<TimeProvider>(time));
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await AdminServiceTests.Install(admin, TestPackages.Pack("greeter", "1.0.0", host.Scratch), new InstallPluginOptions { Enable = true, Reason = "Triển khai theo Kế hoạch 15/KH-UBND" });
        time.Advance(TimeSpan.FromHours(2));

        await admin.DisablePluginAsync(new DisablePluginRequest { PluginId = Greeter, Reason = "Bảo trì máy chủ" });
        time.Advance(TimeSpan.FromMinutes(30));
        await Assert.ThrowsAsync<RpcException>(() => admin.RollbackPluginAsync(new RollbackPluginRequest { PluginId = Greeter, Reason = "Thử quay lại" }).ResponseAsync);

        var entries = host.Admin.AuditLog();
        Assert.Equal(
            [
                (new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), "provincial-admin", "install", "ok", "Triển khai theo Kế hoạch 15/KH-UBND"),
                (new DateTimeOffset(2026, 3, 2, 10, 30, 0, TimeSpan.Zero), "provincial-admin", "disable", "ok", "Bảo trì máy chủ"),
                (new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero), "provincial-admin", "rollback", "refused", "Thử quay lại"),
            ],
            entries.Select(e => (e.At, e.Actor, e.Action, e.Outcome, e.Reason!)));
    }
}
