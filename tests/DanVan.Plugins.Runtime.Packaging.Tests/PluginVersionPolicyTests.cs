namespace DanVan.Plugins.Runtime.Packaging.Tests;

public sealed class PluginVersionPolicyTests
{
    private const string DigestA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string DigestB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    [Fact]
    public void Decide_NothingInstalled_Install()
    {
        var decision = PluginVersionPolicy.Decide(null, Info("1.0.0", DigestA));

        Assert.Equal(InstallAction.Install, decision.Action);
        Assert.True(decision.ShouldInstall);
        Assert.Null(decision.Refusal);
    }

    [Fact]
    public void Decide_NewerVersion_Upgrade()
    {
        var decision = PluginVersionPolicy.Decide(Info("1.0.0", DigestA), Info("1.1.0", DigestB));

        Assert.Equal(InstallAction.Upgrade, decision.Action);
        Assert.Contains("nâng cấp", decision.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OlderVersionNotAsked_RefusedAsDowngrade()
    {
        var decision = PluginVersionPolicy.Decide(Info("1.2.0", DigestA), Info("1.1.9", DigestB));

        Assert.Equal(InstallAction.Refused, decision.Action);
        Assert.False(decision.ShouldInstall);
        Assert.Equal(PackageErrorCode.DowngradeRefused, decision.Refusal!.Code);
        Assert.Contains("1.1.9", decision.Refusal.Message, StringComparison.Ordinal);
        Assert.Contains("1.2.0", decision.Refusal.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OlderVersionAsked_Downgrade()
    {
        var decision = PluginVersionPolicy.Decide(Info("1.2.0", DigestA), Info("1.1.9", DigestB), allowDowngrade: true);

        Assert.Equal(InstallAction.Downgrade, decision.Action);
        Assert.True(decision.ShouldInstall);
    }

    [Fact]
    public void Decide_ReleaseAfterItsPrerelease_Upgrade()
    {
        Assert.Equal(InstallAction.Upgrade, PluginVersionPolicy.Decide(Info("2.0.0-rc.2", DigestA), Info("2.0.0", DigestB)).Action);
        Assert.Equal(InstallAction.Upgrade, PluginVersionPolicy.Decide(Info("2.0.0-beta.2", DigestA), Info("2.0.0-beta.11", DigestB)).Action);
    }

    [Fact]
    public void Decide_PrereleaseOfInstalledRelease_RefusedAsDowngrade()
    {
        var decision = PluginVersionPolicy.Decide(Info("2.0.0", DigestA), Info("2.0.0-rc.1", DigestB));

        Assert.Equal(PackageErrorCode.DowngradeRefused, decision.Refusal!.Code);
    }

    [Fact]
    public void Decide_SameVersionSameContent_AlreadyInstalled()
    {
        var decision = PluginVersionPolicy.Decide(Info("1.0.0", DigestA), Info("1.0.0", DigestA));

        Assert.Equal(InstallAction.AlreadyInstalled, decision.Action);
        Assert.False(decision.ShouldInstall);
        Assert.Null(decision.Refusal);
        Assert.Contains("already installed", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SameVersionDifferentContent_Refused()
    {
        var decision = PluginVersionPolicy.Decide(Info("1.0.0", DigestA), Info("1.0.0+rebuild", DigestB), allowDowngrade: true);

        Assert.Equal(InstallAction.Refused, decision.Action);
        Assert.Equal(PackageErrorCode.SameVersionDifferentContent, decision.Refusal!.Code);
    }

    [Fact]
    public void Decide_DifferentPlugins_Throws()
    {
        Assert.Throws<ArgumentException>(() => PluginVersionPolicy.Decide(Info("1.0.0", DigestA), new PluginVersionInfo("danvan.other", SemanticVersion.Parse("1.0.0"), DigestA)));
    }

    [Fact]
    public void Decide_RealPackagesSameContentSignedTwice_AlreadyInstalledDespiteDifferentSignatures()
    {
        using var temp = new TempDirectory();
        using var key = PackageSigningKey.Generate();
        var first = TestPackages.Build(temp, key, name: "a.dvp");
        var second = TestPackages.Build(temp, key, name: "b.dvp");
        var reader = new PluginPackageReader(TestPackages.TrustOnly(key));
        var installed = reader.VerifyOrThrow(first).VersionInfo;

        Assert.NotEqual(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.Equal(InstallAction.AlreadyInstalled, PluginVersionPolicy.Decide(installed, reader.VerifyOrThrow(second).VersionInfo).Action);
    }

    [Fact]
    public void Decide_RealPackagesSameVersionDifferentBytes_Refused()
    {
        using var temp = new TempDirectory();
        using var key = PackageSigningKey.Generate();
        var first = TestPackages.Build(temp, key, name: "a.dvp");
        var input = TestPackages.CreateInput(temp.Combine("rebuilt"), seed: 9);
        var rebuilt = new PluginPackageWriter(key).WriteFile(TestPackages.Manifest(), input, temp.Combine("rebuilt.dvp"));
        var installed = new PluginPackageReader(TestPackages.TrustOnly(key)).VerifyOrThrow(first).VersionInfo;

        var decision = PluginVersionPolicy.Decide(installed, rebuilt.VersionInfo);

        Assert.Equal(PackageErrorCode.SameVersionDifferentContent, decision.Refusal!.Code);
    }

    private static PluginVersionInfo Info(string version, string digest) => new("danvan.sample", SemanticVersion.Parse(version), digest);
}
