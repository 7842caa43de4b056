using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;
using Google.Protobuf;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class AdminServiceTests
{
    [Fact]
    public async Task ListPlugins_NoToken_Unauthenticated()
    {
        await using var host = await RuntimeHost.StartAsync();
        using var anonymous = host.ChannelWith(null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => new PluginAdminService.PluginAdminServiceClient(anonymous).ListPluginsAsync(new ListPluginsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task ListPlugins_HostTokenNotAdmin_PermissionDenied()
    {
        await using var host = await RuntimeHost.StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => new PluginAdminService.PluginAdminServiceClient(host.Channel).ListPluginsAsync(new ListPluginsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task InstallPlugin_StreamedPackage_ServesAndListsAndIsAuditedUnderAdmin()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);

        var installed = await Install(admin, TestPackages.Pack("greeter", "1.0.0", host.Scratch));
        var listed = await admin.ListPluginsAsync(new ListPluginsRequest());
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal(PluginState.Enabled, installed.Plugin.State);
        Assert.Equal("1.0.0", installed.Plugin.Version);
        Assert.Equal("danvan.testplugins.greeter", Assert.Single(listed.Plugins).Id);
        Assert.Equal("Xin chào An từ 1.0.0!", reply.Message);
        Assert.Equal("provincial-admin", host.Admin.AuditLog()[^1].Actor);
    }

    [Fact]
    public async Task InstallPlugin_TamperedPackage_InvalidArgumentWithVietnameseDetail()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        var package = TestPackages.Pack("greeter", "1.0.0", host.Scratch);
        var bytes = await File.ReadAllBytesAsync(package);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(package, bytes);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Install(admin, package));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var details = ex.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>();
        Assert.NotNull(details);
        Assert.NotEmpty(details.FieldViolations);
        Assert.Empty(host.Admin.List());
    }

    [Fact]
    public async Task DisableEnableRollback_ThroughAdminApi_Applied()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await Install(admin, TestPackages.Pack("greeter", "1.0.0", host.Scratch));
        await Install(admin, TestPackages.Pack("greeter", "2.0.0", host.Scratch));

        var disabled = await admin.DisablePluginAsync(new DisablePluginRequest { PluginId = "danvan.testplugins.greeter" });
        var enabled = await admin.EnablePluginAsync(new EnablePluginRequest { PluginId = "danvan.testplugins.greeter" });
        var stale = await Assert.ThrowsAsync<RpcException>(() => admin.RollbackPluginAsync(new RollbackPluginRequest { PluginId = "danvan.testplugins.greeter", ExpectedCurrentVersion = "1.0.0" }).ResponseAsync);
        var rolledBack = await admin.RollbackPluginAsync(new RollbackPluginRequest { PluginId = "danvan.testplugins.greeter", ExpectedCurrentVersion = "2.0.0" });

        Assert.Equal(PluginState.Disabled, disabled.Plugin.State);
        Assert.Equal("2.0.0", enabled.Plugin.Version);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal("1.0.0", rolledBack.Plugin.Version);
    }

    [Fact]
    public async Task Doctor_QuarantinedPlugin_ReportsErrorWithReason()
    {
        await using var host = await RuntimeHost.StartAsync();
        await Assert.ThrowsAsync<DanVan.Plugins.Runtime.Loading.PluginLoadException>(() => host.ActivateAsync("throwing", "1.0.0"));
        await host.ActivateAsync("greeter", "1.0.0");
        await host.ActivateAsync("greeter", "2.0.0");
        await host.Manager.WaitForUnloadsAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);

        var doctor = await admin.DoctorAsync(new DoctorRequest());

        var quarantined = doctor.Diagnostics.Single(d => d.PluginId == "danvan.testplugins.throwing");
        Assert.Equal(DiagnosticSeverity.Error, quarantined.Severity);
        Assert.Equal("QUARANTINED", quarantined.Code);
        Assert.Contains("Cố ý lỗi khi đăng ký dịch vụ.", quarantined.Message, StringComparison.Ordinal);
        var greeter = doctor.Diagnostics.Single(d => d.PluginId == "danvan.testplugins.greeter");
        Assert.Contains("1.0.0 collected after", greeter.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_WarnsRuntimeWideWhenTieredCompilationIsOn_NotForOnePlugin()
    {
        await using var host = await RuntimeHost.StartAsync();
        await host.ActivateAsync("greeter", "1.0.0");
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);

        var all = await admin.DoctorAsync(new DoctorRequest());
        var one = await admin.DoctorAsync(new DoctorRequest { PluginId = "danvan.testplugins.greeter" });

        // The test process runs with the CLR's default (on) unless DOTNET_TieredCompilation says otherwise.
        var on = Administration.TieredCompilationCheck.IsOn(Environment.GetEnvironmentVariable("DOTNET_TieredCompilation"), null);
        var warnings = all.Diagnostics.Where(d => d.Code == Administration.TieredCompilationCheck.Code).ToList();
        Assert.Equal(on ? 1 : 0, warnings.Count);
        Assert.All(warnings, w => Assert.Equal((DiagnosticSeverity.Warning, ""), (w.Severity, w.PluginId)));
        Assert.DoesNotContain(one.Diagnostics, d => d.Code == Administration.TieredCompilationCheck.Code);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(null, false, false)]
    [InlineData(null, true, true)]
    [InlineData("0", null, false)]
    [InlineData("0", true, false)]
    [InlineData("1", false, true)]
    [InlineData("", false, false)]
    public void TieredCompilation_EnvironmentOverRuntimeConfigOverDefault(string? environment, bool? runtimeConfig, bool expected) =>
        Assert.Equal(expected, Administration.TieredCompilationCheck.IsOn(environment, runtimeConfig));

    [Fact]
    public async Task UpdatePluginSettings_WithCurrentEtag_AppliesLiveAndStaleEtagIsAborted()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await Install(admin, TestPackages.Pack("greeter", "1.0.0", host.Scratch));
        var before = (await admin.GetPluginSettingsAsync(new GetPluginSettingsRequest { PluginId = "danvan.testplugins.greeter" })).Settings;
        var change = new Google.Protobuf.WellKnownTypes.Struct();
        change.Fields["greetingWord"] = Google.Protobuf.WellKnownTypes.Value.ForString("Chào");

        var updated = await admin.UpdatePluginSettingsAsync(new UpdatePluginSettingsRequest { PluginId = "danvan.testplugins.greeter", Settings = change, Etag = before.Etag });
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });
        var stale = await Assert.ThrowsAsync<RpcException>(() => admin.UpdatePluginSettingsAsync(new UpdatePluginSettingsRequest { PluginId = "danvan.testplugins.greeter", Settings = change, Etag = before.Etag }).ResponseAsync);

        Assert.Equal("string", before.Schema.Fields["greetingWord"].StructValue.Fields["type"].StringValue);
        Assert.Equal("Chào", updated.Settings.Settings.Fields["greetingWord"].StringValue);
        Assert.Equal("Chào An từ 1.0.0!", reply.Message);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
    }

    [Fact]
    public async Task UpdatePluginSettings_OutOfRange_InvalidArgumentInVietnamese()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        await Install(admin, TestPackages.Pack("greeter", "1.0.0", host.Scratch));
        var change = new Google.Protobuf.WellKnownTypes.Struct();
        change.Fields["maxNameLength"] = Google.Protobuf.WellKnownTypes.Value.ForNumber(0);

        var ex = await Assert.ThrowsAsync<RpcException>(() => admin.UpdatePluginSettingsAsync(new UpdatePluginSettingsRequest { PluginId = "danvan.testplugins.greeter", Settings = change }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations);
        Assert.Equal("Thiết lập 'maxNameLength' phải trong khoảng 1–500, nhận được 0.", violation.Description);
    }

    [Fact]
    public async Task UninstallPlugin_Installed_ForgottenEverywhere_AndAReinstallServesAgain()
    {
        await using var host = await RuntimeHost.StartAsync();
        var admin = new PluginAdminService.PluginAdminServiceClient(host.AdminChannel);
        var greeter = new GreeterService.GreeterServiceClient(host.Channel);
        await Install(admin, TestPackages.Pack("greeter", "1.0.0", host.Scratch));

        await admin.UninstallPluginAsync(new UninstallPluginRequest { PluginId = "danvan.testplugins.greeter", DeleteData = true });
        var listed = await admin.ListPluginsAsync(new ListPluginsRequest());
        var call = await Assert.ThrowsAsync<RpcException>(() => greeter.SayHelloAsync(new HelloRequest()).ResponseAsync);
        var health = await Assert.ThrowsAsync<RpcException>(() => new global::Grpc.Health.V1.Health.HealthClient(host.Channel)
            .CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest { Service = "danvan.testplugins.greeter.v1.GreeterService" }).ResponseAsync);
        var again = await Assert.ThrowsAsync<RpcException>(() => admin.UninstallPluginAsync(new UninstallPluginRequest { PluginId = "danvan.testplugins.greeter" }).ResponseAsync);

        // Gone as if never installed: not listed, its service unknown to the server and to health.
        Assert.DoesNotContain(listed.Plugins, p => p.Id == "danvan.testplugins.greeter");
        Assert.Equal(StatusCode.Unimplemented, call.StatusCode);
        Assert.Equal(StatusCode.NotFound, health.StatusCode);
        Assert.Equal(StatusCode.NotFound, again.StatusCode);

        await Install(admin, TestPackages.Pack("greeter", "1.0.0", host.Scratch));
        Assert.Equal("Xin chào An từ 1.0.0!", (await greeter.SayHelloAsync(new HelloRequest { Name = "An" })).Message);
    }

    internal static Task<InstallPluginResponse> Install(PluginAdminService.PluginAdminServiceClient admin, string packagePath) =>
        Install(admin, packagePath, new InstallPluginOptions { Enable = true, Package = new PluginPackageMetadata { FileName = Path.GetFileName(packagePath) } });

    /// <summary>An InstallPlugin stream: the options, then the package's bytes in chunks (none when <paramref name="packagePath"/> is null).</summary>
    internal static async Task<InstallPluginResponse> Install(PluginAdminService.PluginAdminServiceClient admin, string? packagePath, InstallPluginOptions options)
    {
        using var call = admin.InstallPlugin();
        await call.RequestStream.WriteAsync(new InstallPluginRequest { Options = options });
        await SendChunks(packagePath, chunk => call.RequestStream.WriteAsync(new InstallPluginRequest { Chunk = chunk }));
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    /// <summary>An UpgradePlugin stream: the options, then the package's bytes in chunks (none when <paramref name="packagePath"/> is null).</summary>
    internal static async Task<UpgradePluginResponse> Upgrade(PluginAdminService.PluginAdminServiceClient admin, string? packagePath, UpgradePluginOptions options)
    {
        using var call = admin.UpgradePlugin();
        await call.RequestStream.WriteAsync(new UpgradePluginRequest { Options = options });
        await SendChunks(packagePath, chunk => call.RequestStream.WriteAsync(new UpgradePluginRequest { Chunk = chunk }));
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    private static async Task SendChunks(string? packagePath, Func<ByteString, Task> send)
    {
        if (packagePath is null)
        {
            return;
        }

        var bytes = await File.ReadAllBytesAsync(packagePath);
        for (var offset = 0; offset < bytes.Length; offset += 16 * 1024)
        {
            await send(ByteString.CopyFrom(bytes, offset, Math.Min(16 * 1024, bytes.Length - offset)));
        }
    }
}
