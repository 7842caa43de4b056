using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// Builds and signs a package from a manifest and the plugin's build output folder. Output is
/// deterministic: fixed entry order (plugin.json, lib/ by ordinal path, SIGNATURE.json), fixed
/// timestamps and attributes, canonical JSON. ECDSA signatures are randomised, so
/// <see cref="WriteFile"/> keeps the signature of an existing output whose signed content is
/// identical; that makes an unchanged rebuild byte-identical.
/// </summary>
public sealed class PluginPackageWriter
{
    // Fixed so the same input gives the same bytes; 2000-01-01 stays clear of the DOS-epoch edge some tools mishandle.
    private static readonly DateTimeOffset EntryTimestamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // S_IFREG | 0644 in the unix half: regular file, no execute bit, same on every build machine.
    private static readonly int RegularFileAttributes = unchecked((int)(0x81A4u << 16));

    private readonly PackageSigningKey signingKey;
    private readonly PackageLimits limits;

    /// <summary>Creates a writer signing with <paramref name="signingKey"/>; packages are checked against <paramref name="limits"/> so a written package is never one the reader refuses.</summary>
    public PluginPackageWriter(PackageSigningKey signingKey, PackageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        this.signingKey = signingKey;
        this.limits = limits ?? PackageLimits.Default;
    }

    /// <summary>The publisher name to sign as; defaults to the manifest's <see cref="PluginManifest.Publisher"/>. When both are set they must be equal.</summary>
    public string? Publisher { get; init; }

    /// <summary>Writes the package to <paramref name="output"/> (which should be seekable for byte-identical output).</summary>
    /// <exception cref="PackageException">The manifest is invalid, or the input holds links, unsafe names or too much.</exception>
    public void Write(PluginManifest manifest, string inputDirectory, Stream output)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrEmpty(inputDirectory);
        ArgumentNullException.ThrowIfNull(output);
        WriteCore(manifest, inputDirectory, output, reuseSignature: null);
    }

    /// <summary>
    /// Writes the package to <paramref name="outputPath"/> atomically (temporary file, verified
    /// with the signing key, then renamed over the output) and returns it as verified.
    /// </summary>
    /// <exception cref="PackageException">The manifest or input is refused.</exception>
    public VerifiedPluginPackage WriteFile(PluginManifest manifest, string inputDirectory, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentException.ThrowIfNullOrEmpty(inputDirectory);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        var output = Path.GetFullPath(outputPath);
        var directory = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(output)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        try
        {
            string publisher;
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                publisher = WriteCore(manifest, inputDirectory, stream, payload => ExistingSignature(output, payload));
            }

            // Read back what was written exactly as a runtime would, so a package that would be refused is never published.
            var reader = new PluginPackageReader(TrustStore.FromPublishers([signingKey.ToTrustedPublisher(publisher)]), limits);
            var verified = reader.VerifyOrThrow(temporary);
            File.Move(temporary, output, overwrite: true);
            return verified.WithPath(output);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private string WriteCore(PluginManifest manifest, string inputDirectory, Stream output, Func<byte[], string?>? reuseSignature)
    {
        var errors = new List<PackageError>();
        var inputs = PackageInputs.Collect(inputDirectory, errors);
        var manifestBytes = PluginManifestJson.Serialize(manifest);
        PluginManifestJson.Parse(manifestBytes, inputs.Select(i => i.EntryName[PluginPackageFormat.LibraryPrefix.Length..]).ToList(), errors);
        var publisher = ResolvePublisher(manifest, errors);
        if (inputs.Count + 2 > limits.MaxEntries)
        {
            errors.Add(PackageErrors.TooManyEntries(inputs.Count + 2, limits.MaxEntries));
        }

        var total = inputs.Sum(i => i.Length) + manifestBytes.Length;
        if (total > limits.MaxTotalUncompressedBytes)
        {
            errors.Add(PackageErrors.PackageExpandsTooMuch(total, limits.MaxTotalUncompressedBytes));
        }

        if (errors.Count > 0)
        {
            throw new PackageException(inputDirectory, errors);
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var manifestStream = new MemoryStream(manifestBytes, writable: false))
            {
                files[PluginPackageFormat.ManifestEntryName] = AddEntry(zip, PluginPackageFormat.ManifestEntryName, manifestStream);
            }

            foreach (var input in inputs)
            {
                // Hashing what is written, in the same pass, means the signature covers exactly the bytes in the zip.
                using var source = new FileStream(input.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
                files[input.EntryName] = AddEntry(zip, input.EntryName, source);
            }

            var payload = SignedPayload.Build(PluginPackageFormat.FormatVersion, publisher, signingKey.KeyId, PluginPackageFormat.Algorithm, files);
            var signature = new SignatureDocument
            {
                FormatVersion = PluginPackageFormat.FormatVersion,
                Publisher = publisher,
                KeyId = signingKey.KeyId,
                Algorithm = PluginPackageFormat.Algorithm,
                Files = files,
                Signature = reuseSignature?.Invoke(payload) ?? Convert.ToBase64String(signingKey.Sign(payload)),
            };
            using var signatureStream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(signature, PackageJson.Signature), writable: false);
            AddEntry(zip, PluginPackageFormat.SignatureEntryName, signatureStream);
        }

        return publisher;
    }

    private string ResolvePublisher(PluginManifest manifest, List<PackageError> errors)
    {
        if (Publisher is not null && manifest.Publisher is not null && !string.Equals(Publisher, manifest.Publisher, StringComparison.Ordinal))
        {
            errors.Add(PackageErrors.PublisherMismatch(manifest.Publisher, Publisher));
        }

        var publisher = Publisher ?? manifest.Publisher;
        if (string.IsNullOrWhiteSpace(publisher) || publisher.Any(char.IsControl))
        {
            errors.Add(PackageErrors.ManifestInvalid("publisher", "a publisher name is needed to sign: set it in plugin.json or give one to the writer",
                "cần tên nhà phát hành để ký: ghi trong plugin.json hoặc truyền cho công cụ đóng gói"));
            return string.Empty;
        }

        return publisher;
    }

    /// <summary>
    /// The signature of the package already at <paramref name="path"/> when it signs exactly
    /// <paramref name="payload"/> and verifies with this key; reusing it is as valid as signing
    /// afresh and keeps rebuilds byte-identical. Anything unexpected means "sign afresh".
    /// </summary>
    private string? ExistingSignature(string path, byte[] payload)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var ignored = new List<PackageError>();
        using var archive = PackageArchive.Open(path, limits, ignored);
        if (archive?.Entries.GetValueOrDefault(PluginPackageFormat.SignatureEntryName) is not { } entry
            || PackageArchive.ReadAll(entry, limits.MaxSignatureBytes, ignored) is not { } json
            || !SignatureParser.TryParse(json, limits, out var existing, out var signature, ignored))
        {
            return null;
        }

        var existingPayload = SignedPayload.Build(existing.FormatVersion!.Value, existing.Publisher!, existing.KeyId!, existing.Algorithm!, existing.Files!);
        return existingPayload.AsSpan().SequenceEqual(payload) && signingKey.Verify(payload, signature) ? existing.Signature : null;
    }

    private static string AddEntry(ZipArchive zip, string name, Stream content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTimestamp;
        entry.ExternalAttributes = RegularFileAttributes;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var target = entry.Open();
        var buffer = new byte[81920];
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            target.Write(buffer, 0, read);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
