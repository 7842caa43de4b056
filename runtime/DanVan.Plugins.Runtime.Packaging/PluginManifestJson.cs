using System.Text.Json;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>Reads and writes <c>plugin.json</c> (camelCase JSON of <see cref="PluginManifest"/>) with full validation.</summary>
public static class PluginManifestJson
{
    /// <summary>Writes the manifest as UTF-8 JSON (no BOM, '\n' line ends, Vietnamese unescaped); same manifest, same bytes.</summary>
    public static byte[] Serialize(PluginManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return JsonSerializer.SerializeToUtf8Bytes(manifest, PackageJson.ManifestWrite);
    }

    /// <summary>
    /// Parses and validates plugin.json. <paramref name="libraryFiles"/> are the plugin's file
    /// paths relative to <c>lib/</c>, used to check the entry assembly is there; pass null to
    /// skip that check. On failure every problem found is in <paramref name="errors"/>
    /// (codes <see cref="PackageErrorCode.ManifestInvalidJson"/> or <see cref="PackageErrorCode.ManifestInvalid"/>).
    /// </summary>
    public static bool TryParse(
        ReadOnlySpan<byte> json,
        IReadOnlyCollection<string>? libraryFiles,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PluginManifest? manifest,
        out IReadOnlyList<PackageError> errors)
    {
        var found = new List<PackageError>();
        manifest = Parse(json, libraryFiles, found);
        errors = found;
        return manifest is not null;
    }

    internal static PluginManifest? Parse(ReadOnlySpan<byte> json, IReadOnlyCollection<string>? libraryFiles, List<PackageError> errors)
    {
        ManifestDocument? document;
        try
        {
            // A leading UTF-8 BOM is tolerated: editors on Windows add it.
            document = JsonSerializer.Deserialize<ManifestDocument>(json.StartsWith("\uFEFF"u8) ? json[3..] : json, PackageJson.ManifestRead);
        }
        catch (JsonException ex)
        {
            errors.Add(PackageErrors.ManifestInvalidJson(ex.Message));
            return null;
        }

        if (document is null)
        {
            errors.Add(PackageErrors.ManifestInvalidJson("the document is 'null', not an object"));
            return null;
        }

        return ManifestValidator.Validate(document, libraryFiles, errors);
    }
}
