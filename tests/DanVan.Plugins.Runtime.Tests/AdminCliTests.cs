using DanVan.Plugins.Admin;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class AdminCliTests
{
    [Fact]
    public async Task InstallListRollbackDoctor_AsProvincialIt_Succeed()
    {
        await using var host = await RuntimeHost.StartAsync();
        var v1 = TestPackages.Pack("greeter", "1.0.0", host.Scratch);
        var v2 = TestPackages.Pack("greeter", "2.0.0", host.Scratch);

        var (installCode, installOut, _) = await Run(host, RuntimeHost.AdminToken, "install", v1);
        var (upgradeCode, upgradeOut, _) = await Run(host, RuntimeHost.AdminToken, "upgrade", "danvan.testplugins.greeter", v2);
        var (rollbackCode, rollbackOut, _) = await Run(host, RuntimeHost.AdminToken, "rollback", "danvan.testplugins.greeter");
        await host.Manager.WaitForUnloadsAsync();
        var (listCode, listOut, _) = await Run(host, RuntimeHost.AdminToken, "list");
        var (doctorCode, doctorOut, _) = await Run(host, RuntimeHost.AdminToken, "doctor");

        Assert.Equal((0, "Đã cài danvan.testplugins.greeter 1.0.0: đang chạy"), (installCode, installOut.Trim()));
        Assert.Equal((0, "Đã nâng cấp danvan.testplugins.greeter lên 2.0.0"), (upgradeCode, upgradeOut.Trim()));
        Assert.Equal((0, "Đã trở lại danvan.testplugins.greeter 1.0.0"), (rollbackCode, rollbackOut.Trim()));
        Assert.Equal(0, listCode);
        Assert.Contains("danvan.testplugins.greeter       1.0.0      đang chạy", listOut, StringComparison.Ordinal);
        Assert.Equal(0, doctorCode);
        Assert.True(doctorOut.Contains("[INFO] danvan.testplugins.greeter 1.0.0 ENABLED", StringComparison.Ordinal), doctorOut);
        Assert.Equal("1.0.0", (await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest())).Version);
    }

    [Fact]
    public async Task List_WithHostTokenInsteadOfAdmin_RefusedWithExitCode1()
    {
        await using var host = await RuntimeHost.StartAsync();

        var (code, _, error) = await Run(host, RuntimeHost.HostToken, "list");

        Assert.Equal(1, code);
        Assert.StartsWith("Bị từ chối (PermissionDenied)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_DowngradeRefused_PrintsVietnameseReason()
    {
        await using var host = await RuntimeHost.StartAsync();
        await Run(host, RuntimeHost.AdminToken, "install", TestPackages.Pack("greeter", "2.0.0", host.Scratch));

        var (code, _, error) = await Run(host, RuntimeHost.AdminToken, "install", TestPackages.Pack("greeter", "1.0.0", host.Scratch));

        Assert.Equal(1, code);
        Assert.StartsWith("Bị từ chối (FailedPrecondition)", error, StringComparison.Ordinal);
        Assert.Contains("  - ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableThenEnable_AsProvincialIt_StopsAndResumesServingAndAuditsTheReason()
    {
        await using var host = await RuntimeHost.StartAsync();
        var greeter = new GreeterService.GreeterServiceClient(host.Channel);
        await Run(host, RuntimeHost.AdminToken, "install", TestPackages.Pack("greeter", "1.0.0", host.Scratch));

        var (disableCode, disableOut, _) = await Run(host, RuntimeHost.AdminToken, "disable", "danvan.testplugins.greeter", "--reason", "Tạm dừng để sao lưu");
        var whileDisabled = await Assert.ThrowsAsync<RpcException>(() => greeter.SayHelloAsync(new HelloRequest()).ResponseAsync);
        var (_, listOut, _) = await Run(host, RuntimeHost.AdminToken, "list");
        var (enableCode, enableOut, _) = await Run(host, RuntimeHost.AdminToken, "enable", "danvan.testplugins.greeter");
        var reply = await greeter.SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal((0, "Đã tắt danvan.testplugins.greeter"), (disableCode, disableOut.Trim()));
        Assert.Equal(StatusCode.Unavailable, whileDisabled.StatusCode);
        Assert.Contains("danvan.testplugins.greeter       1.0.0      đã tắt", listOut, StringComparison.Ordinal);
        Assert.Equal((0, "Đã bật danvan.testplugins.greeter 1.0.0"), (enableCode, enableOut.Trim()));
        Assert.Equal("Xin chào An từ 1.0.0!", reply.Message);
        var disabled = host.Admin.AuditLog().Single(e => e.Action == "disable");
        Assert.Equal(("provincial-admin", "ok", "Tạm dừng để sao lưu"), (disabled.Actor, disabled.Outcome, disabled.Reason));
    }

    [Fact]
    public async Task EnableAndDisable_UnknownPlugin_RefusedWithExitCode1()
    {
        await using var host = await RuntimeHost.StartAsync();

        var (enableCode, _, enableError) = await Run(host, RuntimeHost.AdminToken, "enable", "danvan.khong-co");
        var (disableCode, _, disableError) = await Run(host, RuntimeHost.AdminToken, "disable", "danvan.khong-co");

        Assert.Equal(1, enableCode);
        Assert.StartsWith("Bị từ chối (NotFound)", enableError, StringComparison.Ordinal);
        Assert.Equal(1, disableCode);
        Assert.StartsWith("Bị từ chối (NotFound)", disableError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_OlderVersionWithAllowDowngrade_InstallsAndServesIt()
    {
        await using var host = await RuntimeHost.StartAsync();
        await Run(host, RuntimeHost.AdminToken, "install", TestPackages.Pack("greeter", "2.0.0", host.Scratch));

        var (code, output, _) = await Run(host, RuntimeHost.AdminToken, "install", TestPackages.Pack("greeter", "1.0.0", host.Scratch), "--allow-downgrade");

        Assert.Equal((0, "Đã cài danvan.testplugins.greeter 1.0.0: đang chạy"), (code, output.Trim()));
        Assert.Equal("1.0.0", (await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest())).Version);
    }

    [Fact]
    public async Task NoCommand_PrintsUsageWithExitCode2()
    {
        await using var host = await RuntimeHost.StartAsync();

        var (code, _, error) = await Run(host, RuntimeHost.AdminToken);

        Assert.Equal(2, code);
        Assert.StartsWith("Cách dùng: danvan-plugins", error.TrimStart(), StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> Run(RuntimeHost host, string token, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AdminCommand.RunAsync([.. args, "--address", "http://localhost", "--token", token], output, error, host.Handler);
        return (code, output.ToString(), error.ToString());
    }
}
