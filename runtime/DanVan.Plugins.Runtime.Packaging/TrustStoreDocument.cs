namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>The trust store JSON file: <c>{ "publishers": [ { "name", "publicKeyPem", "keyId"? } ] }</c>.</summary>
internal sealed class TrustStoreDocument
{
    public List<TrustStoreEntryDocument?>? Publishers { get; set; }
}
