namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>One unit's sums (the unit as stored on its assignments).</summary>
internal sealed class UnitCounts : CountSums
{
    public string UnitId { get; set; } = "";
}
