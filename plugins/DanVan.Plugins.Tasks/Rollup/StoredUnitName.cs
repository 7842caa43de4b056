namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>A unit id with the name stored on its assignments.</summary>
internal sealed class StoredUnitName
{
    public string UnitId { get; set; } = "";

    public string UnitName { get; set; } = "";
}
