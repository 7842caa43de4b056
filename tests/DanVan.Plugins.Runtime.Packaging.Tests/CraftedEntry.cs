using System.IO.Compression;

namespace DanVan.Plugins.Runtime.Packaging.Tests;

/// <summary>One entry of a hand-made zip.</summary>
internal sealed record CraftedEntry(string Name, byte[] Content, int? ExternalAttributes = null, CompressionLevel Level = CompressionLevel.Optimal)
{
    public static CraftedEntry Text(string name, string content) => new(name, System.Text.Encoding.UTF8.GetBytes(content));
}
