namespace DanVan.Plugins.Bench.Storage;

public sealed class RollupRow
{
    public int Status { get; set; }

    public string UnitId { get; set; } = "";

    public int Period { get; set; }

    public long Total { get; set; }
}
