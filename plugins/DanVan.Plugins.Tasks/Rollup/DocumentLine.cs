namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>A directive's row in the roll-up.</summary>
internal sealed record DocumentLine(string DocumentId, string Code, string Title, StatusCounts Counts);
