using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.HostSample.Data;

/// <summary>
/// A seeded document with what the host knows beside the message: the units that received it (for the
/// recipient filter), the units whose officers may see it (empty: every officer), and its files' bytes.
/// </summary>
internal sealed record SeedDocument(Document Document, IReadOnlyList<string> ReceivedBy, IReadOnlyList<string> RestrictedTo, IReadOnlyDictionary<string, byte[]> Contents);
