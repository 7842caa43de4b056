namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// The fixed names and values of the plugin package format (a <c>.dvp</c> zip): <c>plugin.json</c>
/// at the root, the plugin's files under <c>lib/</c>, and <c>SIGNATURE.json</c> covering both.
/// </summary>
public static class PluginPackageFormat
{
    /// <summary>The package file extension, <c>.dvp</c>.</summary>
    public const string FileExtension = ".dvp";

    /// <summary>The manifest entry at the package root.</summary>
    public const string ManifestEntryName = PluginManifest.FileName;

    /// <summary>The signature entry at the package root; it is the only entry not covered by the signature.</summary>
    public const string SignatureEntryName = "SIGNATURE.json";

    /// <summary>The folder holding the plugin's files (assembly, private dependencies, native libraries under <c>lib/runtimes/</c>).</summary>
    public const string LibraryPrefix = "lib/";

    /// <summary>The <c>formatVersion</c> written to and required in <c>SIGNATURE.json</c>.</summary>
    public const int FormatVersion = 1;

    /// <summary>The only signature algorithm: ECDSA on P-256 over SHA-256, signature in IEEE P1363 form (r‖s, 64 bytes).</summary>
    public const string Algorithm = "ECDSA-P256-SHA256";

    /// <summary>
    /// True for the paths a package may hold besides SIGNATURE.json: plugin.json and files under
    /// lib/. <c>lib/plugin.json</c> is reserved because extraction puts the signed manifest at
    /// the same place (the extracted folder mirrors the plugin's build output).
    /// </summary>
    internal static bool IsContentPath(string name) =>
        name == ManifestEntryName
        || (name.StartsWith(LibraryPrefix, StringComparison.Ordinal)
            && name.Length > LibraryPrefix.Length
            && !string.Equals(name, LibraryPrefix + ManifestEntryName, StringComparison.OrdinalIgnoreCase));
}
