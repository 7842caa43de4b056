using DanVan.Plugins.Data;

namespace DanVan.Plugins.TestPlugins.Ledger;

[Record("entries", ReasonRequired = true)]
public sealed class Entry
{
    [Key]
    public string Id { get; set; } = "";

    [Searchable]
    public string Title { get; set; } = "";

    public string? Note { get; set; }

    [ConcurrencyVersion]
    public long Version { get; set; }
}
