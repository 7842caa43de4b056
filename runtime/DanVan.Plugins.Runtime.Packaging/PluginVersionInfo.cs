namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// What the version policy compares: a plugin id, its version and its content digest (see
/// <see cref="VerifiedPluginPackage.ContentDigest"/>). The runtime stores this for each
/// installed version.
/// </summary>
/// <param name="Id">The plugin id.</param>
/// <param name="Version">The plugin version.</param>
/// <param name="ContentDigest">Lower-case hex digest of the signed file list.</param>
public sealed record PluginVersionInfo(string Id, SemanticVersion Version, string ContentDigest);
