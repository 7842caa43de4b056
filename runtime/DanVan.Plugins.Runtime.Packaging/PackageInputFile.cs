namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>One file of the plugin's build output, and the package entry it becomes.</summary>
/// <param name="EntryName">The entry name, <c>lib/…</c>.</param>
/// <param name="FullPath">The file on disk.</param>
/// <param name="Length">Its size when listed.</param>
internal sealed record PackageInputFile(string EntryName, string FullPath, long Length);
