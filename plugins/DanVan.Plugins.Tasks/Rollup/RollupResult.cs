namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>
/// The roll-up for one filter: units depth-first under the root as the org tree nests them (each
/// with its subtree's counts), directives, periods, and the total; KnownDocuments are every directive with tasks (for the filter's list). Today is the day statuses were computed for.
/// </summary>
internal sealed record RollupResult(
    RollupFilter Filter,
    DateOnly Today,
    StatusCounts Total,
    IReadOnlyList<UnitLine> Units,
    IReadOnlyList<DocumentLine> Documents,
    IReadOnlyList<PeriodLine> Periods,
    IReadOnlyList<DocumentInfo> KnownDocuments);
