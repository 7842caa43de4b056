using DanVan.Plugins.Pack;

namespace DanVan.Plugins.Runtime.Packaging.Tests;

public sealed class PackToolTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Run_KeygenPackVerify_RoundTripSucceeds()
    {
        var (code, output, error) = Run("keygen", "--out", temp.Combine("keys", "acme"));
        Assert.True(code == PackTool.ExitOk, error);
        Assert.True(File.Exists(temp.Combine("keys", "acme.key.pem")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp.Combine("keys", "acme.key.pem")));
        }

        var manifest = temp.Combine("plugin.json");
        File.WriteAllBytes(manifest, PluginManifestJson.Serialize(TestPackages.Manifest()));
        var input = TestPackages.CreateInput(temp.Combine("bin"));
        var package = temp.Combine("out", "danvan.sample-1.0.0.dvp");
        (code, output, error) = Run("pack", "--manifest", manifest, "--input", input, "--key", temp.Combine("keys", "acme.key.pem"), "--output", package);
        Assert.True(code == PackTool.ExitOk, error);
        Assert.Contains("Packed danvan.sample 1.0.0", output, StringComparison.Ordinal);

        var trust = Directory.CreateDirectory(temp.Combine("trust")).FullName;
        File.Copy(temp.Combine("keys", "acme.pub.pem"), Path.Combine(trust, "acme.pub.pem"));
        (code, output, error) = Run("verify", "--package", package, "--trust", trust);
        Assert.True(code == PackTool.ExitOk, error);
        Assert.Contains("OK danvan.sample 1.0.0", output, StringComparison.Ordinal);
        Assert.Contains("trusted as 'acme'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VerifyAgainstOtherTrust_RefusedWithCodeInBothLanguages()
    {
        Run("keygen", "--out", temp.Combine("signer"));
        Run("keygen", "--out", temp.Combine("trust", "other"));
        var manifest = temp.Combine("plugin.json");
        File.WriteAllBytes(manifest, PluginManifestJson.Serialize(TestPackages.Manifest()));
        var input = TestPackages.CreateInput(temp.Combine("bin"));
        Run("pack", "--manifest", manifest, "--input", input, "--key", temp.Combine("signer.key.pem"), "--output", temp.Combine("p.dvp"));

        var (code, _, error) = Run("verify", "--package", temp.Combine("p.dvp"), "--trust", temp.Combine("trust"));

        Assert.Equal(PackTool.ExitRefused, code);
        Assert.Contains("[UntrustedPublisher]", error, StringComparison.Ordinal);
        Assert.Contains("nhà phát hành tin cậy", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PackInvalidManifest_RefusedListingEachError()
    {
        Run("keygen", "--out", temp.Combine("signer"));
        var manifest = temp.Combine("plugin.json");
        File.WriteAllText(manifest, "{ \"id\": \"Bad\" }");

        var (code, _, error) = Run("pack", "--manifest", manifest, "--input", temp.Path, "--key", temp.Combine("signer.key.pem"), "--output", temp.Combine("p.dvp"));

        Assert.Equal(PackTool.ExitRefused, code);
        Assert.Contains("plugin.json: id:", error, StringComparison.Ordinal);
        Assert.Contains("plugin.json: version: is required", error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.Combine("p.dvp")));
    }

    [Fact]
    public void Run_KeygenOverExistingKey_RefusesToOverwrite()
    {
        Run("keygen", "--out", temp.Combine("k"));
        var before = File.ReadAllText(temp.Combine("k.key.pem"));

        var (code, _, error) = Run("keygen", "--out", temp.Combine("k"));

        Assert.Equal(PackTool.ExitUsage, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(temp.Combine("k.key.pem")));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("pack", "--manifest")]
    [InlineData("verify", "--package", "x.dvp")]
    public void Run_WrongUsage_ExitUsage(params string[] args)
    {
        var (code, _, error) = Run(args);

        Assert.Equal(PackTool.ExitUsage, code);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PackTool.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
