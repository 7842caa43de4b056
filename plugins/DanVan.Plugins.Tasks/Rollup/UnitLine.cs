namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>
/// A unit's row in the roll-up: its counts including every unit below it (and dissolved units whose
/// work it carries), its depth under the roll-up's root, and whether it has rows below.
/// </summary>
internal sealed record UnitLine(string UnitId, string Name, int Depth, bool HasChildren, StatusCounts Counts);
