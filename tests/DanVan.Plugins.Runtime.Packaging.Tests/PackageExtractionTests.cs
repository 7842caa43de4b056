namespace DanVan.Plugins.Runtime.Packaging.Tests;

public sealed class PackageExtractionTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly PackageSigningKey key = PackageSigningKey.Generate();
    private readonly PluginPackageReader reader;

    public PackageExtractionTests() => reader = new PluginPackageReader(TestPackages.TrustOnly(key));

    public void Dispose()
    {
        key.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void ExtractTo_ValidPackage_WritesLibFilesWithoutThePrefixAndTheManifestBeside()
    {
        var package = reader.VerifyOrThrow(TestPackages.Build(temp, key));
        var target = temp.Combine("plugins", "danvan.sample", "1.0.0");

        package.ExtractTo(target);

        Assert.Equal(
            [
                "DanVan.Plugins.Sample.deps.json (23)",
                "DanVan.Plugins.Sample.dll (3000)",
                "X.dll (1500)",
                $"plugin.json ({PluginManifestJson.Serialize(TestPackages.Manifest()).Length})",
                "runtimes/",
                "runtimes/linux-x64/",
                "runtimes/linux-x64/native/",
                "runtimes/linux-x64/native/libsample.so (800)",
            ],
            TempDirectory.SnapshotOf(target));
        Assert.Equal(TestPackages.Bytes(1500, 2), File.ReadAllBytes(Path.Combine(target, "X.dll")));
        Assert.Equal(PluginManifestJson.Serialize(TestPackages.Manifest()), File.ReadAllBytes(Path.Combine(target, "plugin.json")));
        Assert.False(File.Exists(Path.Combine(target, "SIGNATURE.json")));

        // No staging folder is left beside the target.
        Assert.Equal(["1.0.0"], Directory.GetFileSystemEntries(temp.Combine("plugins", "danvan.sample")).Select(Path.GetFileName));
    }

    [Fact]
    public void ExtractTo_EmptyExistingTarget_Extracts()
    {
        var package = reader.VerifyOrThrow(TestPackages.Build(temp, key));
        var target = Directory.CreateDirectory(temp.Combine("target")).FullName;

        package.ExtractTo(target);

        Assert.True(File.Exists(Path.Combine(target, "X.dll")));
    }

    [Fact]
    public void ExtractTo_NonEmptyTarget_ThrowsAndLeavesItAlone()
    {
        var package = reader.VerifyOrThrow(TestPackages.Build(temp, key));
        var target = Directory.CreateDirectory(temp.Combine("target")).FullName;
        File.WriteAllText(Path.Combine(target, "keep.txt"), "mine");
        var before = temp.Snapshot();

        Assert.Throws<IOException>(() => package.ExtractTo(target));

        Assert.Equal(before, temp.Snapshot());
    }

    [Fact]
    public void ExtractTo_PackageSwappedForTamperedOneAfterVerify_FileTamperedAndNothingWritten()
    {
        var path = TestPackages.Build(temp, key);
        var package = reader.VerifyOrThrow(path);
        var tampered = TestPackages.Rewrite(path, temp.Combine("tampered.dvp"), e => e.Name == "lib/X.dll" ? e with { Content = TestPackages.Bytes(1500, 66) } : e);
        File.Move(tampered, path, overwrite: true);
        var before = temp.Snapshot();

        var ex = Assert.Throws<PackageException>(() => package.ExtractTo(temp.Combine("target")));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(PackageErrorCode.FileTampered, error.Code);
        Assert.Equal("lib/X.dll", error.Entry);
        Assert.Equal(before, temp.Snapshot());
    }

    [Fact]
    public void ExtractTo_PackageSwappedForZipSlipAfterVerify_RefusedAndNothingWrittenAnywhere()
    {
        var path = TestPackages.Build(temp, key);
        var package = reader.VerifyOrThrow(path);
        var parentOfTemp = Path.GetDirectoryName(temp.Path)!;
        var outsideBefore = Directory.GetFiles(parentOfTemp, "evil*");
        TestPackages.Rewrite(path, temp.Combine("slip.dvp"), e => e, new CraftedEntry("lib/../../evil.dll", [0x4D, 0x5A]), new CraftedEntry("../evil.dll", [0x4D, 0x5A]));
        File.Move(temp.Combine("slip.dvp"), path, overwrite: true);
        var before = temp.Snapshot();

        var ex = Assert.Throws<PackageException>(() => package.ExtractTo(temp.Combine("target")));

        Assert.Contains(ex.Errors, e => e.Code == PackageErrorCode.EntryNameTraversal);
        Assert.Equal(before, temp.Snapshot());
        Assert.Equal(outsideBefore, Directory.GetFiles(parentOfTemp, "evil*"));
    }

    [Fact]
    public void ExtractTo_PackageSwappedForOneWithExtraFile_FileNotListedAndNothingWritten()
    {
        var path = TestPackages.Build(temp, key);
        var package = reader.VerifyOrThrow(path);
        TestPackages.Rewrite(path, temp.Combine("extra.dvp"), e => e, new CraftedEntry("lib/extra.dll", [1]));
        File.Move(temp.Combine("extra.dvp"), path, overwrite: true);
        var before = temp.Snapshot();

        var ex = Assert.Throws<PackageException>(() => package.ExtractTo(temp.Combine("target")));

        Assert.Equal(PackageErrorCode.FileNotListed, Assert.Single(ex.Errors).Code);
        Assert.Equal(before, temp.Snapshot());
    }

    [Fact]
    public void VerifyExtracted_Untouched_Passes()
    {
        var package = reader.VerifyOrThrow(TestPackages.Build(temp, key));
        var target = temp.Combine("target");
        package.ExtractTo(target);

        package.VerifyExtracted(target);
    }

    [Fact]
    public void VerifyExtracted_FileModified_FileTampered()
    {
        var package = reader.VerifyOrThrow(TestPackages.Build(temp, key));
        var target = temp.Combine("target");
        package.ExtractTo(target);
        File.WriteAllBytes(Path.Combine(target, "X.dll"), TestPackages.Bytes(1500, 77));

        var ex = Assert.Throws<PackageException>(() => package.VerifyExtracted(target));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(PackageErrorCode.FileTampered, error.Code);
        Assert.Equal(Path.Combine(target, "X.dll"), error.Entry);
    }

    [Fact]
    public void VerifyExtracted_ManifestEdited_FileTampered()
    {
        var package = reader.VerifyOrThrow(TestPackages.Build(temp, key));
        var target = temp.Combine("target");
        package.ExtractTo(target);
        File.WriteAllBytes(Path.Combine(target, "plugin.json"), PluginManifestJson.Serialize(TestPackages.Manifest(version: "9.0.0")));

        var ex = Assert.Throws<PackageException>(() => package.VerifyExtracted(target));

        Assert.Equal(Path.Combine(target, "plugin.json"), Assert.Single(ex.Errors).Entry);
    }

    [Fact]
    public void VerifyExtracted_ExtraDeletedAndLinked_ReportsEach()
    {
        var package = reader.VerifyOrThrow(TestPackages.Build(temp, key));
        var target = temp.Combine("target");
        package.ExtractTo(target);
        File.WriteAllText(Path.Combine(target, "dropped.dll"), "x");
        File.Delete(Path.Combine(target, "DanVan.Plugins.Sample.deps.json"));
        File.CreateSymbolicLink(Path.Combine(target, "link.dll"), "/etc/passwd");

        var ex = Assert.Throws<PackageException>(() => package.VerifyExtracted(target));

        Assert.Equal(
            [PackageErrorCode.FileMissing, PackageErrorCode.FileNotListed, PackageErrorCode.SymbolicLink],
            ex.Errors.Select(e => e.Code).OrderBy(c => c.ToString(), StringComparer.Ordinal));
    }
}
