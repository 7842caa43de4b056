using System.Security.Cryptography;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Tests.Infrastructure;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>
/// package_path names a file inside the runtime's packages folder and nothing else; size_bytes and sha256,
/// when given, must match what arrives. Every refusal installs nothing.
/// </summary>
public sealed class AdminPackagePathTests
{
    private const string PathField = "options.package.package_path";

    [Fact]
    public async Task InstallPlugin_RelativePathInPackagesFolderWithMatchingSizeAndHash_Installs()
    {
        await using var host = await StartAsync();
        var package = PackInto(PackagesDirectory(host), "greeter", "1.0.0", "nhiem-vu");
        var bytes = await File.ReadAllBytesAsync(package);

        var installed = await AdminServiceTests.Install(Admin(host), null, Options($"nhiem-vu/{Path.GetFileName(package)}", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))));

        Assert.Equal(("1.0.0", PluginState.Enabled), (installed.Plugin.Version, installed.Plugin.State));
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("../scratch/outside.dvp")]
    [InlineData("nhiem-vu/../../scratch/outside.dvp")]
    [InlineData("..\\scratch\\outside.dvp")]
    public async Task InstallPlugin_PathLeavingThePackagesFolder_InvalidArgumentNothingInstalled(string packagePath)
    {
        await using var host = await StartAsync();
        var outside = PackInto(host.Scratch, "greeter", "1.0.0", null, "outside.dvp");
        Directory.CreateDirectory(Path.Combine(PackagesDirectory(host), "nhiem-vu"));

        var ex = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Install(Admin(host), null, Options(packagePath == "absolute" ? outside : packagePath)));

        AssertRefused(host, ex, PathField);
    }

    [Fact]
    public async Task InstallPlugin_SymbolicLinkPointingOutOfThePackagesFolder_InvalidArgumentNothingInstalled()
    {
        await using var host = await StartAsync();
        var outside = PackInto(host.Scratch, "greeter", "1.0.0", null, "outside.dvp");
        Directory.CreateDirectory(PackagesDirectory(host));
        File.CreateSymbolicLink(Path.Combine(PackagesDirectory(host), "link.dvp"), outside);
        Directory.CreateSymbolicLink(Path.Combine(PackagesDirectory(host), "scratch"), host.Scratch);

        var viaFile = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Install(Admin(host), null, Options("link.dvp")));
        var viaFolder = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Install(Admin(host), null, Options("scratch/outside.dvp")));

        AssertRefused(host, viaFile, PathField);
        AssertRefused(host, viaFolder, PathField);
    }

    [Fact]
    public async Task InstallPlugin_SymbolicLinkStayingInsideThePackagesFolder_Installs()
    {
        await using var host = await StartAsync();
        var package = PackInto(PackagesDirectory(host), "greeter", "1.0.0", "kho");
        File.CreateSymbolicLink(Path.Combine(PackagesDirectory(host), "moi-nhat.dvp"), package);

        var installed = await AdminServiceTests.Install(Admin(host), null, Options("moi-nhat.dvp"));

        Assert.Equal("1.0.0", installed.Plugin.Version);
    }

    [Fact]
    public async Task InstallPlugin_MissingFile_NotFound()
    {
        await using var host = await StartAsync();
        Directory.CreateDirectory(PackagesDirectory(host));

        var ex = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Install(Admin(host), null, Options("khong-co.dvp")));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Empty(host.Admin.List());
    }

    [Fact]
    public async Task InstallPlugin_PathAndChunksBoth_InvalidArgument()
    {
        await using var host = await StartAsync();
        var package = PackInto(PackagesDirectory(host), "greeter", "1.0.0", null);

        var ex = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Install(Admin(host), package, Options(Path.GetFileName(package))));

        AssertRefused(host, ex, PathField);
    }

    [Fact]
    public async Task InstallPlugin_UploadShorterThanSizeBytes_InvalidArgumentNothingInstalled()
    {
        await using var host = await StartAsync();
        var package = TestPackages.Pack("greeter", "1.0.0", host.Scratch);
        var options = Options("", new FileInfo(package).Length + 1);

        var ex = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Install(Admin(host), package, options));

        AssertRefused(host, ex, "options.package.size_bytes");
    }

    [Fact]
    public async Task InstallPlugin_UploadWithAnotherSha256_InvalidArgumentNothingInstalled()
    {
        await using var host = await StartAsync();
        var package = TestPackages.Pack("greeter", "1.0.0", host.Scratch);
        var options = Options("", sha256: Convert.ToHexStringLower(SHA256.HashData("gói khác"u8)));

        var ex = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Install(Admin(host), package, options));

        AssertRefused(host, ex, "options.package.sha256");
    }

    [Fact]
    public async Task UpgradePlugin_PathWithTraversal_InvalidArgumentOldVersionServes()
    {
        await using var host = await StartAsync();
        await AdminServiceTests.Install(Admin(host), TestPackages.Pack("greeter", "1.0.0", host.Scratch));
        PackInto(host.Scratch, "greeter", "2.0.0", null, "v2.dvp");
        Directory.CreateDirectory(PackagesDirectory(host));

        var ex = await Assert.ThrowsAsync<RpcException>(() => AdminServiceTests.Upgrade(Admin(host), null, new UpgradePluginOptions
        {
            PluginId = "danvan.testplugins.greeter",
            Package = new PluginPackageMetadata { PackagePath = "../scratch/v2.dvp" },
        }));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(PathField, Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
        Assert.Equal("1.0.0", Assert.Single(host.Admin.List()).ActiveVersion);
    }

    private static Task<RuntimeHost> StartAsync()
    {
        // The packages folder sits beside the scratch folder, so "../scratch/…" would reach real packages.
        return RuntimeHost.StartAsync(configure: o => o.Admin.PackagesDirectory = Path.Combine(Path.GetDirectoryName(o.RootDirectory)!, "incoming"));
    }

    private static string PackagesDirectory(RuntimeHost host) => Path.Combine(Path.GetDirectoryName(host.Scratch)!, "incoming");

    private static PluginAdminService.PluginAdminServiceClient Admin(RuntimeHost host) => new(host.AdminChannel);

    private static InstallPluginOptions Options(string packagePath, long sizeBytes = 0, string sha256 = "") =>
        new() { Enable = true, Package = new PluginPackageMetadata { PackagePath = packagePath, SizeBytes = sizeBytes, Sha256 = sha256 } };

    private static string PackInto(string directory, string name, string version, string? subfolder, string? fileName = null)
    {
        var folder = subfolder is null ? directory : Path.Combine(directory, subfolder);
        var packed = TestPackages.Pack(name, version, folder);
        if (fileName is null)
        {
            return packed;
        }

        var named = Path.Combine(folder, fileName);
        File.Move(packed, named);
        return named;
    }

    private static void AssertRefused(RuntimeHost host, RpcException ex, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations);
        Assert.Equal(field, violation.Field);
        Assert.NotEmpty(violation.Description);
        Assert.Empty(host.Admin.List());
    }
}
