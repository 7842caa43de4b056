namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// <c>SIGNATURE.json</c> as stored. Every member is nullable so a malformed document is
/// reported field by field instead of as a serializer exception.
/// </summary>
internal sealed class SignatureDocument
{
    public int? FormatVersion { get; set; }

    public string? Publisher { get; set; }

    public string? KeyId { get; set; }

    public string? Algorithm { get; set; }

    /// <summary>Path → lower-case hex SHA-256; written sorted by ordinal path.</summary>
    public IDictionary<string, string>? Files { get; set; }

    /// <summary>Base64 of the IEEE P1363 ECDSA signature over <see cref="SignedPayload"/>.</summary>
    public string? Signature { get; set; }
}
