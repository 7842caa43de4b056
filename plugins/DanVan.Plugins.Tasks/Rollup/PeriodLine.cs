namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>A period's row in the roll-up ("2026", "2026-Q4", …).</summary>
internal sealed record PeriodLine(string PeriodKey, StatusCounts Counts);
