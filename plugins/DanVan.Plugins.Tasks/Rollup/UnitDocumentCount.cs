namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>One group of the roll-up query: a unit (as stored on the assignments), a directive, a status and how many.</summary>
internal sealed class UnitDocumentCount
{
    public string UnitId { get; set; } = "";

    public string DocumentId { get; set; } = "";

    public int Status { get; set; }

    public long Total { get; set; }
}
