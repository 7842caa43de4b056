using System.Security.Cryptography;
using System.Text.Json;

namespace DanVan.Plugins.Runtime.Packaging.Tests;

public sealed class TrustStoreTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void LoadFromDirectory_PubPemFiles_NamedByFileWithKeyIdOfSpki()
    {
        using var a = PackageSigningKey.Generate();
        using var b = PackageSigningKey.Generate();
        File.WriteAllText(temp.Combine("vnpt.pub.pem"), a.ExportPublicKeyPem());
        File.WriteAllText(temp.Combine("ban-dan-van.pub.pem"), b.ExportPublicKeyPem());
        File.WriteAllText(temp.Combine("notes.txt"), "ignored");

        var store = TrustStore.LoadFromDirectory(temp.Path);

        Assert.Equal(2, store.Publishers.Count);
        Assert.True(store.TryGetPublisher(a.KeyId, out var vnpt));
        Assert.Equal("vnpt", vnpt.Name);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(a.ExportPublicKeyPem());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo())), vnpt.KeyId);
        Assert.True(store.TryGetPublisher(b.KeyId, out var banDanVan));
        Assert.Equal("ban-dan-van", banDanVan.Name);
    }

    [Fact]
    public void LoadFromJsonFile_Publishers_LoadsNamesAndKeys()
    {
        using var a = PackageSigningKey.Generate();
        var file = temp.Combine("trust.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            publishers = new[] { new { name = "Ban Dân vận Tỉnh ủy", publicKeyPem = a.ExportPublicKeyPem(), keyId = a.KeyId } },
        }));

        var store = TrustStore.Load(file);

        Assert.True(store.TryGetPublisher(a.KeyId, out var publisher));
        Assert.Equal("Ban Dân vận Tỉnh ủy", publisher.Name);
    }

    [Fact]
    public void LoadFromJsonFile_KeyIdNotMatchingKey_TrustStoreInvalid()
    {
        using var a = PackageSigningKey.Generate();
        var file = temp.Combine("trust.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new
        {
            publishers = new[] { new { name = "x", publicKeyPem = a.ExportPublicKeyPem(), keyId = new string('a', 64) } },
        }));

        var ex = Assert.Throws<PackageException>(() => TrustStore.LoadFromJsonFile(file));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(PackageErrorCode.TrustStoreInvalid, error.Code);
        Assert.Contains(a.KeyId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFromDirectory_BadFiles_ReportsEachFileByName()
    {
        using var rsa = RSA.Create(2048);
        using var a = PackageSigningKey.Generate();
        File.WriteAllText(temp.Combine("garbage.pub.pem"), "not a key");
        File.WriteAllText(temp.Combine("rsa.pub.pem"), rsa.ExportSubjectPublicKeyInfoPem());
        File.WriteAllText(temp.Combine("secret.pub.pem"), a.ExportPrivateKeyPem());
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        File.WriteAllText(temp.Combine("p384.pub.pem"), p384.ExportSubjectPublicKeyInfoPem());

        var ex = Assert.Throws<PackageException>(() => TrustStore.LoadFromDirectory(temp.Path));

        Assert.Equal(
            ["garbage.pub.pem", "p384.pub.pem", "rsa.pub.pem", "secret.pub.pem"],
            ex.Errors.Select(e => Path.GetFileName(e.Entry!)));
        Assert.All(ex.Errors, e => Assert.Equal(PackageErrorCode.TrustStoreInvalid, e.Code));
        Assert.All(ex.Errors, e => Assert.Contains("bị từ chối", e.MessageVi, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_NoSuchPath_TrustStoreInvalid()
    {
        var ex = Assert.Throws<PackageException>(() => TrustStore.Load(temp.Combine("absent")));

        Assert.Equal(PackageErrorCode.TrustStoreInvalid, Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public void DevelopmentKey_CommittedPair_MatchesAndSignsVerifiablePackages()
    {
        var folder = Path.Combine(RepoRoot(), "runtime", "DanVan.Plugins.Runtime.Packaging", "DevelopmentKey");
        using var key = PackageSigningKey.FromPemFile(Path.Combine(folder, "dev-publisher.key.pem"));
        var trusted = TrustedPublisher.FromPublicKeyPem(File.ReadAllText(Path.Combine(folder, "dev-publisher.pub.pem")), "dev");

        Assert.Equal(key.KeyId, trusted.KeyId);
        Assert.Contains(key.KeyId, File.ReadAllText(Path.Combine(folder, "README.md")), StringComparison.Ordinal);
        Assert.Contains("never trusted in production", File.ReadAllText(Path.Combine(folder, "README.md")), StringComparison.Ordinal);
        var package = TestPackages.Build(temp, key);
        Assert.True(new PluginPackageReader(TrustStore.LoadFromDirectory(folder)).Verify(package).Succeeded);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DanVan.Plugins.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DanVan.Plugins.sln not found above the test output folder.");
    }
}
