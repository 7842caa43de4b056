using DanVan.Plugins.Admin;
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
