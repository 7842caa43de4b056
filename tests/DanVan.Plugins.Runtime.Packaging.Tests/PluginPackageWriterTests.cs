using System.IO.Compression;
using System.Text.Json;

namespace DanVan.Plugins.Runtime.Packaging.Tests;

public sealed class PluginPackageWriterTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly PackageSigningKey key = PackageSigningKey.Generate();

    public void Dispose()
    {
        key.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void WriteFile_ValidInput_WritesLayoutInFixedOrderWithFixedTimestamps()
    {
        var package = TestPackages.Build(temp, key);

        using var zip = ZipFile.OpenRead(package);
        Assert.Equal(
            [
                "plugin.json",
                "lib/DanVan.Plugins.Sample.deps.json",
                "lib/DanVan.Plugins.Sample.dll",
                "lib/X.dll",
                "lib/runtimes/linux-x64/native/libsample.so",
                "SIGNATURE.json",
            ],
            zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2000, 1, 1), e.LastWriteTime.DateTime));
        Assert.All(zip.Entries, e => Assert.Equal(0x81A4, (e.ExternalAttributes >> 16) & 0xFFFF));
    }

    [Fact]
    public void WriteFile_ValidInput_SignatureJsonHasFormatFields()
    {
        var package = TestPackages.Build(temp, key);

        var signature = TestPackages.ReadEntries(package).Single(e => e.Name == "SIGNATURE.json");
        using var json = JsonDocument.Parse(signature.Content);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(TestPackages.Publisher, root.GetProperty("publisher").GetString());
        Assert.Equal(key.KeyId, root.GetProperty("keyId").GetString());
        Assert.Equal("ECDSA-P256-SHA256", root.GetProperty("algorithm").GetString());
        Assert.Equal(64, Convert.FromBase64String(root.GetProperty("signature").GetString()!).Length);
        var files = root.GetProperty("files").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
        Assert.Contains("plugin.json", files);
        Assert.DoesNotContain("SIGNATURE.json", files);
        var x = TestPackages.ReadEntries(package).Single(e => e.Name == "lib/X.dll");
        Assert.Equal(TestPackages.Sha256(x.Content), root.GetProperty("files").GetProperty("lib/X.dll").GetString());
    }

    [Fact]
    public void WriteFile_SameInputTwiceToSameOutput_IsByteIdentical()
    {
        var input = TestPackages.CreateInput(temp.Combine("input"));
        var output = temp.Combine("out.dvp");
        var writer = new PluginPackageWriter(key);

        writer.WriteFile(TestPackages.Manifest(), input, output);
        var first = File.ReadAllBytes(output);
        writer.WriteFile(TestPackages.Manifest(), input, output);

        Assert.Equal(first, File.ReadAllBytes(output));
    }

    [Fact]
    public void Write_SameInputTwiceToFreshStreams_DiffersOnlyInTheRandomisedSignatureValue()
    {
        var input = TestPackages.CreateInput(temp.Combine("input"));
        var writer = new PluginPackageWriter(key);

        var first = Entries(writer, input);
        var second = Entries(writer, input);

        Assert.Equal(first.Select(e => e.Name), second.Select(e => e.Name));
        foreach (var (a, b) in first.Zip(second).Where(p => p.First.Name != "SIGNATURE.json"))
        {
            Assert.Equal(a.Content, b.Content);
        }

        // ECDSA nonces are random, so only the signature value itself may differ.
        Assert.Equal(WithoutSignatureValue(first[^1].Content), WithoutSignatureValue(second[^1].Content));
    }

    [Fact]
    public void WriteFile_ContentChanged_SignsAfreshAndVerifies()
    {
        var input = TestPackages.CreateInput(temp.Combine("input"));
        var output = temp.Combine("out.dvp");
        var writer = new PluginPackageWriter(key);
        writer.WriteFile(TestPackages.Manifest(), input, output);
        var first = File.ReadAllBytes(output);

        File.WriteAllBytes(Path.Combine(input, "X.dll"), TestPackages.Bytes(1500, 99));
        var second = writer.WriteFile(TestPackages.Manifest(), input, output);

        Assert.NotEqual(first, File.ReadAllBytes(output));
        Assert.True(new PluginPackageReader(TestPackages.TrustOnly(key)).Verify(output).Succeeded);
        Assert.Equal(output, second.PackagePath);
    }

    [Fact]
    public void WriteFile_InvalidManifest_ThrowsWithEveryErrorAndWritesNoPackage()
    {
        var input = TestPackages.CreateInput(temp.Combine("input"));
        var manifest = new PluginManifest
        {
            Id = "Not An Id",
            Version = "one",
            DisplayName = "x",
            Publisher = TestPackages.Publisher,
            EntryAssembly = "Missing.dll",
            EntryType = "X",
            AbstractionsVersion = "1.0",
        };

        var ex = Assert.Throws<PackageException>(() => new PluginPackageWriter(key).WriteFile(manifest, input, temp.Combine("out.dvp")));

        Assert.Equal(["entryAssembly", "id", "version"], ex.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(ex.Errors, e => Assert.Equal(PackageErrorCode.ManifestInvalid, e.Code));
        Assert.All(temp.Snapshot(), s => Assert.StartsWith("input", s, StringComparison.Ordinal));
    }

    [Fact]
    public void WriteFile_SymbolicLinkInInput_RefusedAsSymbolicLink()
    {
        var input = TestPackages.CreateInput(temp.Combine("input"));
        File.CreateSymbolicLink(Path.Combine(input, "passwd.dll"), "/etc/passwd");

        var ex = Assert.Throws<PackageException>(() => new PluginPackageWriter(key).WriteFile(TestPackages.Manifest(), input, temp.Combine("out.dvp")));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(PackageErrorCode.SymbolicLink, error.Code);
        Assert.Equal("lib/passwd.dll", error.Entry);
        Assert.False(File.Exists(temp.Combine("out.dvp")));
    }

    [Fact]
    public void WriteFile_InputHoldsPluginJsonBesideAssembly_NotPackedUnderLib()
    {
        var input = TestPackages.CreateInput(temp.Combine("input"));
        File.WriteAllBytes(Path.Combine(input, "plugin.json"), PluginManifestJson.Serialize(TestPackages.Manifest()));

        var package = new PluginPackageWriter(key).WriteFile(TestPackages.Manifest(), input, temp.Combine("out.dvp"));

        Assert.DoesNotContain("lib/plugin.json", package.Files.Keys);
        Assert.Contains("plugin.json", package.Files.Keys);
    }

    [Fact]
    public void WriteFile_PublisherDiffersFromManifest_RefusedAsPublisherMismatch()
    {
        var input = TestPackages.CreateInput(temp.Combine("input"));
        var writer = new PluginPackageWriter(key) { Publisher = "Someone else" };

        var ex = Assert.Throws<PackageException>(() => writer.WriteFile(TestPackages.Manifest(), input, temp.Combine("out.dvp")));

        Assert.Equal(PackageErrorCode.PublisherMismatch, Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public void WriteFile_NoPublisherAnywhere_RefusedNamingThePublisherField()
    {
        var input = TestPackages.CreateInput(temp.Combine("input"));

        var ex = Assert.Throws<PackageException>(() => new PluginPackageWriter(key).WriteFile(TestPackages.Manifest(publisher: null), input, temp.Combine("out.dvp")));

        Assert.Equal("publisher", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void WriteFile_PublisherGivenToWriterOnly_SignsAsThatPublisher()
    {
        var input = TestPackages.CreateInput(temp.Combine("input"));
        var writer = new PluginPackageWriter(key) { Publisher = "Sở Nội vụ" };

        var package = writer.WriteFile(TestPackages.Manifest(publisher: null), input, temp.Combine("out.dvp"));

        Assert.Equal("Sở Nội vụ", package.SignedPublisherName);
    }

    private static List<CraftedEntry> Entries(PluginPackageWriter writer, string input)
    {
        using var stream = new MemoryStream();
        writer.Write(TestPackages.Manifest(), input, stream);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return new CraftedEntry(e.FullName, m.ToArray());
        }).ToList();
    }

    private static string WithoutSignatureValue(byte[] signatureJson)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(signatureJson)!.AsObject();
        node.Remove("signature");
        return node.ToJsonString();
    }
}
