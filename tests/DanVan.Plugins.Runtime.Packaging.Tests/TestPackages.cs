using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DanVan.Plugins.Runtime.Packaging.Tests;

/// <summary>Builds real packages and hand-crafts bad ones with System.IO.Compression.</summary>
internal static class TestPackages
{
    public const string Publisher = "Nhà phát hành thử nghiệm";
    public const string EntryAssembly = "DanVan.Plugins.Sample.dll";

    public static PluginManifest Manifest(string id = "danvan.sample", string version = "1.0.0", string? publisher = Publisher) => new()
    {
        Id = id,
        Version = version,
        DisplayName = "Mẫu thử",
        Description = "Gói mẫu cho kiểm thử.",
        Publisher = publisher,
        EntryAssembly = EntryAssembly,
        EntryType = "DanVan.Plugins.Sample.SamplePlugin",
        AbstractionsVersion = "1.0",
        Contracts = ["danvan.host.v1"],
        Services = ["danvan.sample.v1.SampleService"],
        Permissions = ["directory:read"],
        Tabs = [new PluginTab { Id = "document-sample", Title = "Mẫu", Path = "/document", Contexts = ["document"] }],
        Settings = [new PluginSetting { Name = "reminderDaysBefore", Type = "integer", Default = "3", Minimum = 0, Maximum = 30 }],
        Dependencies = [new PluginDependency { Id = "danvan.tasks", MinVersion = "1.0.0", Optional = true }],
    };

    /// <summary>A fake build output: the entry assembly, a dependency X.dll, a deps file and a native library.</summary>
    public static string CreateInput(string directory, byte seed = 1)
    {
        Directory.CreateDirectory(Path.Combine(directory, "runtimes", "linux-x64", "native"));
        File.WriteAllBytes(Path.Combine(directory, EntryAssembly), Bytes(3000, seed));
        File.WriteAllBytes(Path.Combine(directory, "X.dll"), Bytes(1500, (byte)(seed + 1)));
        File.WriteAllText(Path.Combine(directory, "DanVan.Plugins.Sample.deps.json"), "{ \"runtimeTarget\": {} }");
        File.WriteAllBytes(Path.Combine(directory, "runtimes", "linux-x64", "native", "libsample.so"), Bytes(800, (byte)(seed + 2)));
        return directory;
    }

    public static byte[] Bytes(int length, byte seed)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) ^ (seed * 17) ^ (i >> 3));
        }

        return bytes;
    }

    /// <summary>Writes a valid package into <paramref name="temp"/> and returns its path.</summary>
    public static string Build(TempDirectory temp, PackageSigningKey key, PluginManifest? manifest = null, string name = "sample.dvp")
    {
        var input = CreateInput(temp.Combine("input-" + Path.GetFileNameWithoutExtension(name)));
        new PluginPackageWriter(key).WriteFile(manifest ?? Manifest(), input, temp.Combine(name));
        return temp.Combine(name);
    }

    public static TrustStore TrustOnly(PackageSigningKey key) => TrustStore.FromPublishers([key.ToTrustedPublisher("test")]);

    /// <summary>The entries of a package, in order.</summary>
    public static List<CraftedEntry> ReadEntries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return new CraftedEntry(e.FullName, m.ToArray(), e.ExternalAttributes);
        }).ToList();
    }

    /// <summary>Writes a zip with exactly these entries.</summary>
    public static string WriteZip(string path, IEnumerable<CraftedEntry> entries)
    {
        using var stream = new FileStream(path, FileMode.Create);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        foreach (var crafted in entries)
        {
            var entry = zip.CreateEntry(crafted.Name, crafted.Level);
            if (crafted.ExternalAttributes is { } attributes)
            {
                entry.ExternalAttributes = attributes;
            }

            using var s = entry.Open();
            s.Write(crafted.Content);
        }

        return path;
    }

    /// <summary>
    /// Writes a zip with these entries plus a SIGNATURE.json signed by <paramref name="key"/> over
    /// every entry given (so the only defect is the one the test put in), or over <paramref name="files"/> when given.
    /// </summary>
    public static string WriteSigned(string path, PackageSigningKey key, IEnumerable<CraftedEntry> entries, IDictionary<string, string>? files = null, string publisher = Publisher)
    {
        var list = entries.ToList();
        if (files is null)
        {
            // An indexer, not ToDictionary: duplicate-name tests sign a list holding a name twice.
            files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in list)
            {
                files[entry.Name] = Sha256(entry.Content);
            }
        }

        return WriteZip(path, [.. list, Signature(key, files, publisher)]);
    }

    public static CraftedEntry Signature(PackageSigningKey key, IDictionary<string, string> files, string publisher = Publisher)
    {
        var payload = SignedPayload.Build(1, publisher, key.KeyId, PluginPackageFormat.Algorithm, files);
        var document = new SignatureDocument
        {
            FormatVersion = 1,
            Publisher = publisher,
            KeyId = key.KeyId,
            Algorithm = PluginPackageFormat.Algorithm,
            Files = new SortedDictionary<string, string>(files, StringComparer.Ordinal),
            Signature = Convert.ToBase64String(key.Sign(payload)),
        };
        return new CraftedEntry(PluginPackageFormat.SignatureEntryName, JsonSerializer.SerializeToUtf8Bytes(document, PackageJson.Signature));
    }

    /// <summary>The entries of a valid unsigned package: the sample manifest and lib files.</summary>
    public static List<CraftedEntry> ValidContent(PluginManifest? manifest = null) =>
    [
        new(PluginPackageFormat.ManifestEntryName, PluginManifestJson.Serialize(manifest ?? Manifest())),
        new("lib/" + EntryAssembly, Bytes(3000, 1)),
        new("lib/X.dll", Bytes(1500, 2)),
    ];

    /// <summary>Copies a package entry by entry, letting the test change, drop (null) or add entries.</summary>
    public static string Rewrite(string source, string destination, Func<CraftedEntry, CraftedEntry?> change, params CraftedEntry[] extra)
    {
        var entries = ReadEntries(source).Select(change).OfType<CraftedEntry>().Concat(extra).ToList();
        return WriteZip(destination, entries);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
