using System.IO.Compression;

namespace DanVan.Plugins.Runtime.Packaging.Tests;

public sealed class PackageStructureTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly PackageSigningKey key = PackageSigningKey.Generate();
    private readonly TrustStore trust;

    public PackageStructureTests() => trust = TestPackages.TrustOnly(key);

    public void Dispose()
    {
        key.Dispose();
        temp.Dispose();
    }

    [Fact]
    public void Verify_NotAZip_NotAZip()
    {
        var package = temp.Combine("p.dvp");
        File.WriteAllBytes(package, TestPackages.Bytes(4096, 7));

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.NotAZip);

        Assert.Contains("không phải gói plugin", error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoSuchFile_PackageUnreadable()
    {
        Refusals.AssertRefused(temp, temp.Combine("absent.dvp"), trust, PackageErrorCode.PackageUnreadable);
    }

    [Fact]
    public void Verify_ZipSlipEntry_EntryNameTraversal()
    {
        var package = SignedWith(new CraftedEntry("../../evil.dll", [0x4D, 0x5A]));

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.EntryNameTraversal);

        Assert.Equal("../../evil.dll", error.Entry);
        Assert.False(File.Exists(Path.Combine(temp.Path, "..", "..", "evil.dll")));
    }

    [Fact]
    public void Verify_TraversalInsideLib_EntryNameTraversal()
    {
        Refusals.AssertRefused(temp, SignedWith(new CraftedEntry("lib/../../evil.dll", [1])), trust, PackageErrorCode.EntryNameTraversal);
    }

    [Fact]
    public void Verify_AbsolutePath_EntryNameAbsolute()
    {
        var error = Refusals.AssertRefused(temp, SignedWith(new CraftedEntry("/etc/x", [1])), trust, PackageErrorCode.EntryNameAbsolute);

        Assert.Contains("/etc/x", error.Message, StringComparison.Ordinal);
        Assert.Contains("đường dẫn tuyệt đối", error.MessageVi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lib\\evil.dll", PackageErrorCode.EntryNameBackslash)]
    [InlineData("..\\..\\evil.dll", PackageErrorCode.EntryNameBackslash)]
    [InlineData("C:/Windows/evil.dll", PackageErrorCode.EntryNameDriveLetter)]
    [InlineData("c:evil.dll", PackageErrorCode.EntryNameDriveLetter)]
    [InlineData("lib/evil\0.dll", PackageErrorCode.EntryNameInvalidCharacter)]
    [InlineData("lib/X.dll:hidden", PackageErrorCode.EntryNameInvalidCharacter)]
    [InlineData("lib//x.dll", PackageErrorCode.EntryNameInvalidSegment)]
    [InlineData("lib/./x.dll", PackageErrorCode.EntryNameInvalidSegment)]
    [InlineData("lib/x.dll.", PackageErrorCode.EntryNameInvalidSegment)]
    [InlineData("lib/nul.dll", PackageErrorCode.EntryNameInvalidSegment)]
    public void Verify_UnsafeEntryName_RefusedWithSpecificCode(string name, PackageErrorCode code)
    {
        var error = Refusals.AssertRefused(temp, SignedWith(new CraftedEntry(name, [1])), trust, code);

        Assert.Equal(name, error.Entry);
        Assert.DoesNotContain('\0', error.Message);
    }

    [Fact]
    public void Verify_SymbolicLinkEntry_SymbolicLink()
    {
        var link = new CraftedEntry("lib/link.dll", TestPackages.Utf8("/etc/passwd"), ExternalAttributes: 0xA1FF << 16);

        var error = Refusals.AssertRefused(temp, SignedWith(link), trust, PackageErrorCode.SymbolicLink);

        Assert.Equal("lib/link.dll", error.Entry);
        Assert.Contains("symlink", error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WindowsReparsePointEntry_SymbolicLink()
    {
        var link = new CraftedEntry("lib/link.dll", [1], ExternalAttributes: 0x400);

        Refusals.AssertRefused(temp, SignedWith(link), trust, PackageErrorCode.SymbolicLink);
    }

    [Fact]
    public void Verify_CharacterDeviceEntry_SpecialFile()
    {
        var device = new CraftedEntry("lib/tty.dll", [], ExternalAttributes: 0x21B6 << 16);

        Refusals.AssertRefused(temp, SignedWith(device), trust, PackageErrorCode.SpecialFile);
    }

    [Fact]
    public void Verify_SameNameTwice_DuplicateEntry()
    {
        var package = SignedWith(new CraftedEntry("lib/X.dll", [9, 9, 9]));

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.DuplicateEntry);

        Assert.Equal("lib/X.dll", error.Entry);
    }

    [Fact]
    public void Verify_NamesDifferingOnlyInCase_DuplicateEntry()
    {
        var error = Refusals.AssertRefused(temp, SignedWith(new CraftedEntry("lib/x.DLL", [9])), trust, PackageErrorCode.DuplicateEntry);

        Assert.Contains("lib/X.dll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NamesDifferingOnlyInUnicodeNormalisation_DuplicateEntry()
    {
        var composed = new CraftedEntry("lib/t\u1EC7p.dll", [1]);
        var decomposed = new CraftedEntry("lib/te\u0323\u0302p.dll", [2]);

        Refusals.AssertRefused(temp, SignedWith(composed, decomposed), trust, PackageErrorCode.DuplicateEntry);
    }

    [Fact]
    public void Verify_FileAndFolderWithSameName_DuplicateEntry()
    {
        Refusals.AssertRefused(temp, SignedWith(new CraftedEntry("lib/X.dll/inner.dll", [1])), trust, PackageErrorCode.DuplicateEntry);
    }

    [Fact]
    public void Verify_EntryOutsideLayout_UnexpectedEntry()
    {
        var error = Refusals.AssertRefused(temp, SignedWith(CraftedEntry.Text("install.sh", "rm -rf /")), trust, PackageErrorCode.UnexpectedEntry);

        Assert.Equal("install.sh", error.Entry);
    }

    [Theory]
    [InlineData("lib/plugin.json")]
    [InlineData("lib/Plugin.JSON")]
    [InlineData("Lib/X2.dll")]
    public void Verify_ReservedOrMisplacedEntry_UnexpectedEntry(string name)
    {
        var error = Refusals.AssertRefused(temp, SignedWith(new CraftedEntry(name, [1])), trust, PackageErrorCode.UnexpectedEntry);

        Assert.Equal(name, error.Entry);
    }

    [Fact]
    public void Verify_MoreEntriesThanLimit_TooManyEntries()
    {
        var extra = Enumerable.Range(0, 10).Select(i => new CraftedEntry($"lib/f{i}.dll", [(byte)i])).ToArray();

        Refusals.AssertRefused(temp, SignedWith(extra), trust, PackageErrorCode.TooManyEntries, new PackageLimits { MaxEntries = 8 });
    }

    [Fact]
    public void Verify_DefaultEntryLimitExceeded_TooManyEntries()
    {
        var extra = Enumerable.Range(0, 10_001).Select(i => new CraftedEntry($"lib/f{i}.dll", [], Level: CompressionLevel.NoCompression)).ToArray();
        var package = TestPackages.WriteZip(temp.Combine("p.dvp"), [.. TestPackages.ValidContent(), .. extra]);

        Refusals.AssertRefused(temp, package, trust, PackageErrorCode.TooManyEntries);
    }

    [Fact]
    public void Verify_TotalUncompressedSizeOverLimit_PackageTooLarge()
    {
        var big = new CraftedEntry("lib/big.dll", TestPackages.Bytes(64 * 1024, 5));

        Refusals.AssertRefused(temp, SignedWith(big), trust, PackageErrorCode.PackageTooLarge, new PackageLimits { MaxTotalUncompressedBytes = 32 * 1024 });
    }

    [Fact]
    public void Verify_PackageFileOverLimit_PackageTooLarge()
    {
        var package = TestPackages.Build(temp, key);

        Refusals.AssertRefused(temp, package, trust, PackageErrorCode.PackageTooLarge, new PackageLimits { MaxPackageBytes = 1024 });
    }

    [Fact]
    public void Verify_CompressionRatioBomb_CompressionRatioTooHigh()
    {
        var bomb = new CraftedEntry("lib/bomb.dll", new byte[8 * 1024 * 1024], Level: CompressionLevel.SmallestSize);

        var error = Refusals.AssertRefused(temp, SignedWith(bomb), trust, PackageErrorCode.CompressionRatioTooHigh);

        Assert.Equal("lib/bomb.dll", error.Entry);
        Assert.Contains("bom zip", error.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SmallHighlyCompressibleFile_Accepted()
    {
        var zeros = new CraftedEntry("lib/zeros.bin", new byte[64 * 1024]);

        Assert.True(new PluginPackageReader(trust).Verify(SignedWith(zeros)).Succeeded);
    }

    [Fact]
    public void Verify_DeclaredSizeLargerThanData_EntrySizeMismatch()
    {
        var package = SignedWith(new CraftedEntry("lib/data.bin", TestPackages.Bytes(10_000, 3)));
        PatchDeclaredSize(package, "lib/data.bin", 20_000);

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.EntrySizeMismatch);

        Assert.Equal("lib/data.bin", error.Entry);
    }

    [Fact]
    public void Verify_DeclaredSizeSmallerThanData_InflationStopsAtDeclaredSizeAndHashCatchesIt()
    {
        // The BCL stops inflating at the declared size, so the extra data is never produced;
        // the truncated content then fails its signed hash.
        var package = SignedWith(new CraftedEntry("lib/data.bin", TestPackages.Bytes(10_000, 3)));
        PatchDeclaredSize(package, "lib/data.bin", 100);

        var error = Refusals.AssertRefused(temp, package, trust, PackageErrorCode.FileTampered);

        Assert.Equal("lib/data.bin", error.Entry);
    }

    [Fact]
    public void Verify_RezippedWithDirectoryEntries_StillValid()
    {
        var valid = TestPackages.Build(temp, key);
        var rezipped = TestPackages.Rewrite(valid, temp.Combine("rezipped.dvp"), e => e with { Level = CompressionLevel.Fastest }, new CraftedEntry("lib/", []), new CraftedEntry("lib/runtimes/", []));

        var result = new PluginPackageReader(trust).Verify(rezipped);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Verify_SeveralStructuralProblems_ReportsEach()
    {
        var package = SignedWith(new CraftedEntry("../evil.dll", [1]), new CraftedEntry("/etc/x", [1]), CraftedEntry.Text("x.txt", "x"));

        var result = new PluginPackageReader(trust).Verify(package);

        Assert.Equal(
            [PackageErrorCode.EntryNameTraversal, PackageErrorCode.EntryNameAbsolute, PackageErrorCode.UnexpectedEntry],
            result.Errors.Select(e => e.Code));
    }

    /// <summary>A package signed over every entry, valid except for the added entries.</summary>
    private string SignedWith(params CraftedEntry[] extra) =>
        TestPackages.WriteSigned(temp.Combine($"p-{Guid.NewGuid():N}.dvp"), key, [.. TestPackages.ValidContent(), .. extra]);

    /// <summary>Rewrites the uncompressed size in the entry's local and central headers, as a crafted archive would.</summary>
    private static void PatchDeclaredSize(string package, string name, uint size)
    {
        var bytes = File.ReadAllBytes(package);
        var nameBytes = TestPackages.Utf8(name);
        for (var i = 0; i + 4 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22), size);
            }
            else if (signature == 0x02014b50 && i + 46 + nameBytes.Length <= bytes.Length && bytes.AsSpan(i + 46, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24), size);
            }
        }

        File.WriteAllBytes(package, bytes);
    }
}
