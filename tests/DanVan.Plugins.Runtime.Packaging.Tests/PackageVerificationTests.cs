using System.Text.Json.Nodes;

namespace DanVan.Plugins.Runtime.Packaging.Tests;

public sealed class PackageVerificationTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly PackageSigningKey key = PackageSigningKey.Generate();
    private readonly TrustStore trust;

    public PackageVerificationTests() => trust = TestPackages.TrustOnly(key);

    public void Dispose()
    {
        key.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void Verify_ValidPackage_ReturnsManifestPublisherAndFiles()
    {
        var package = TestPackages.Build(temp, key);

        var result = new PluginPackageReader(trust).Verify(package);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var verified = result.Package;
        Assert.Equal("danvan.sample", verified.Manifest.Id);
        Assert.Equal(SemanticVersion.Parse("1.0.0"), verified.Version);
        Assert.Equal("Mẫu thử", verified.Manifest.DisplayName);
        Assert.Equal("document-sample", Assert.Single(verified.Manifest.Tabs).Id);
        Assert.Equal(TestPackages.Publisher, verified.SignedPublisherName);
        Assert.Equal(key.KeyId, verified.Publisher.KeyId);
        Assert.Equal("test", verified.Publisher.Name);
        Assert.Equal(5, verified.Files.Count);
        Assert.Matches("^[0-9a-f]{64}$", verified.ContentDigest);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Verify_UnsignedPackage_SignatureMissing()
    {
        var package = TestPackages.WriteZip(temp.Combine("p.dvp"), TestPackages.ValidContent());

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.SignatureMissing);

        Assert.Equal("SIGNATURE.json", error.Entry);
        Assert.Contains("chưa được ký", error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CorruptedSignatureValue_SignatureInvalid()
    {
        var valid = TestPackages.Build(temp, key);
        var package = TestPackages.Rewrite(valid, temp.Combine("bad.dvp"), e => e.Name == "SIGNATURE.json"
            ? e with { Content = EditSignature(e.Content, json => json["signature"] = FlipFirstByte(json["signature"]!.GetValue<string>())) }
            : e);

        Refusals.AssertRefused(temp, package, trust, PackageErrorCode.SignatureInvalid);
    }

    [Fact]
    public void Verify_PublisherEditedInSignatureJson_SignatureInvalid()
    {
        var valid = TestPackages.Build(temp, key);
        var package = TestPackages.Rewrite(valid, temp.Combine("bad.dvp"), e => e.Name == "SIGNATURE.json"
            ? e with { Content = EditSignature(e.Content, json => json["publisher"] = "Viettel") }
            : e);

        Refusals.AssertRefused(temp, package, trust, PackageErrorCode.SignatureInvalid);
    }

    [Fact]
    public void Verify_HashEditedInSignatureJsonToMatchTamperedFile_SignatureInvalid()
    {
        var valid = TestPackages.Build(temp, key);
        var evil = TestPackages.Bytes(1500, 42);
        var package = TestPackages.Rewrite(valid, temp.Combine("bad.dvp"), e => e.Name switch
        {
            "lib/X.dll" => e with { Content = evil },
            "SIGNATURE.json" => e with { Content = EditSignature(e.Content, json => json["files"]!["lib/X.dll"] = TestPackages.Sha256(evil)) },
            _ => e,
        });

        Refusals.AssertRefused(temp, package, trust, PackageErrorCode.SignatureInvalid);
    }

    [Fact]
    public void Verify_KeyNotInTrustStore_UntrustedPublisher()
    {
        using var stranger = PackageSigningKey.Generate();
        var package = TestPackages.Build(temp, stranger);

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.UntrustedPublisher);

        Assert.Contains(stranger.KeyId, error.Message, StringComparison.Ordinal);
        Assert.Contains("không có trong danh sách nhà phát hành tin cậy", error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EmptyTrustStore_UntrustedPublisher()
    {
        var package = TestPackages.Build(temp, key);

        Refusals.AssertRefused(temp, package, TrustStore.Empty, PackageErrorCode.UntrustedPublisher);
    }

    [Fact]
    public void Verify_ByteChangedInLibAfterSigning_FileTamperedNamingTheFile()
    {
        var valid = TestPackages.Build(temp, key);
        var package = TestPackages.Rewrite(valid, temp.Combine("bad.dvp"), e => e.Name == "lib/X.dll"
            ? e with { Content = [(byte)(e.Content[0] ^ 1), .. e.Content[1..]] }
            : e);

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.FileTampered);

        Assert.Equal("lib/X.dll", error.Entry);
        Assert.StartsWith("The package was modified after signing: file lib/X.dll does not match the signature", error.Message, StringComparison.Ordinal);
        Assert.Equal("Gói bị sửa sau khi ký: tệp lib/X.dll không khớp chữ ký.", error.MessageVi);
    }

    [Fact]
    public void Verify_ManifestChangedAfterSigning_FileTampered()
    {
        var valid = TestPackages.Build(temp, key);
        var package = TestPackages.Rewrite(valid, temp.Combine("bad.dvp"), e => e.Name == "plugin.json"
            ? e with { Content = PluginManifestJson.Serialize(TestPackages.Manifest(version: "9.9.9")) }
            : e);

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.FileTampered);

        Assert.Equal("plugin.json", error.Entry);
    }

    [Fact]
    public void Verify_UnlistedExtraFile_FileNotListed()
    {
        var valid = TestPackages.Build(temp, key);
        var package = TestPackages.Rewrite(valid, temp.Combine("bad.dvp"), e => e, new CraftedEntry("lib/extra.dll", [1, 2, 3]));

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.FileNotListed);

        Assert.Equal("lib/extra.dll", error.Entry);
    }

    [Fact]
    public void Verify_ListedFileRemoved_FileMissing()
    {
        var valid = TestPackages.Build(temp, key);
        var package = TestPackages.Rewrite(valid, temp.Combine("bad.dvp"), e => e.Name == "lib/X.dll" ? null : e);

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.FileMissing);

        Assert.Equal("lib/X.dll", error.Entry);
    }

    [Fact]
    public void Verify_SignatureNotJson_SignatureMalformed()
    {
        var package = TestPackages.WriteZip(temp.Combine("p.dvp"), [.. TestPackages.ValidContent(), CraftedEntry.Text("SIGNATURE.json", "{ not json")]);

        Refusals.AssertRefused(temp, package, trust, PackageErrorCode.SignatureMalformed);
    }

    [Fact]
    public void Verify_SignatureListsTraversalPath_SignatureMalformed()
    {
        var content = TestPackages.ValidContent();
        var files = content.ToDictionary(e => e.Name, e => TestPackages.Sha256(e.Content));
        files["lib/../../evil.dll"] = new string('0', 64);
        var package = TestPackages.WriteSigned(temp.Combine("p.dvp"), key, content, files);

        Refusals.AssertRefused(temp, package, trust, PackageErrorCode.SignatureMalformed);
    }

    [Fact]
    public void Verify_UnsupportedAlgorithm_UnsupportedSignatureFormat()
    {
        var valid = TestPackages.Build(temp, key);
        var package = TestPackages.Rewrite(valid, temp.Combine("bad.dvp"), e => e.Name == "SIGNATURE.json"
            ? e with { Content = EditSignature(e.Content, json => json["algorithm"] = "RSA-PKCS1-SHA1") }
            : e);

        Refusals.AssertRefused(temp, package, trust, PackageErrorCode.UnsupportedSignatureFormat);
    }

    [Fact]
    public void Verify_ManifestMissing_ManifestMissing()
    {
        var content = TestPackages.ValidContent().Where(e => e.Name != "plugin.json");
        var package = TestPackages.WriteSigned(temp.Combine("p.dvp"), key, content);

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.ManifestMissing);

        Assert.Equal("plugin.json", error.Entry);
    }

    [Fact]
    public void Verify_ManifestNamesOtherPublisherThanSignature_PublisherMismatch()
    {
        var package = TestPackages.WriteSigned(temp.Combine("p.dvp"), key, TestPackages.ValidContent(), publisher: "Someone else");

        Refusals.AssertRefused(temp, package, trust, PackageErrorCode.PublisherMismatch);
    }

    [Fact]
    public void VerifyOrThrow_RefusedPackage_ExceptionCarriesEveryReasonAndThePath()
    {
        var package = TestPackages.WriteZip(temp.Combine("p.dvp"), TestPackages.ValidContent());

        var ex = Assert.Throws<PackageException>(() => new PluginPackageReader(trust).VerifyOrThrow(package));

        Assert.Equal(package, ex.Subject);
        Assert.Contains(package, ex.Message, StringComparison.Ordinal);
        Assert.Contains("[SignatureMissing]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("chưa được ký", ex.MessageVi, StringComparison.Ordinal);
    }

    private static byte[] EditSignature(byte[] content, Action<JsonNode> edit)
    {
        var json = JsonNode.Parse(content)!;
        edit(json);
        return TestPackages.Utf8(json.ToJsonString());
    }

    private static string FlipFirstByte(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        bytes[0] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}
