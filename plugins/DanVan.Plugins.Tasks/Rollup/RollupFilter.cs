using DanVan.Plugins.Tasks.Assignments;

namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>
/// What the officer narrowed the roll-up to: a year (every period of it: "2026", "2026-Q4", "2026-11" …),
/// one period key, one directive (document id), one status, and a unit whose subtree to count. Null
/// means "all".
/// </summary>
internal sealed record RollupFilter(int? Year = null, string? PeriodKey = null, string? DocumentId = null, AssignmentStatus? Status = null, string? UnitId = null)
{
    public static RollupFilter All { get; } = new();
}
