namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>One group of the by-period query.</summary>
internal sealed class PeriodCount
{
    public string PeriodKey { get; set; } = "";

    public int Status { get; set; }

    public long Total { get; set; }
}
