namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>One period of a task for which a unit owes the work: "2026", "2026-Q4", "2026-H2", "2026-11", or "mot-lan"; Due null when the rule states no date.</summary>
internal sealed record DuePeriod(string Key, DateOnly? Due);
