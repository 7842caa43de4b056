using System.IO.Compression;
using System.Text.Json;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>
/// The plugin id a package claims, read before it is verified so a request for another plugin is refused
/// before anything is stored. Only a refusal is decided on it: the signed manifest, which must be the same
/// plugin.json (the signature covers it and duplicate entries are refused), is what gets installed.
/// </summary>
internal static class PackageManifestPeek
{
    private const long MaxManifestBytes = 1024 * 1024;

    /// <summary>The id in the package's plugin.json, or null when it cannot be read (verification then says why).</summary>
    public static string? ReadId(string packagePath)
    {
        try
        {
            using var zip = ZipFile.OpenRead(packagePath);
            var entry = zip.GetEntry(PluginManifest.FileName);
            if (entry is null || entry.Length > MaxManifestBytes)
            {
                return null;
            }

            using var stream = entry.Open();
            using var document = JsonDocument.Parse(stream);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject()
                    .Where(p => string.Equals(p.Name, "id", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                    .Select(p => p.Value.GetString())
                    .FirstOrDefault()
                : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or JsonException)
        {
            return null;
        }
    }
}
