namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>One publisher in the trust store JSON file.</summary>
internal sealed class TrustStoreEntryDocument
{
    public string? Name { get; set; }

    public string? PublicKeyPem { get; set; }

    /// <summary>Optional: when given it must equal the key's computed id, catching a pasted wrong key.</summary>
    public string? KeyId { get; set; }
}
