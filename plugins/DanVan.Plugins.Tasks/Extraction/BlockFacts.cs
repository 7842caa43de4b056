namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>The units, reporting lines and deadlines one block of text (an item or the closing) names.</summary>
internal sealed record BlockFacts(
    Extracted<UnitMention>? Lead,
    IReadOnlyList<Extracted<UnitMention>> Cooperating,
    IReadOnlyList<Extracted<UnitMention>> Assignees,
    IReadOnlyList<ReportLine> Reports,
    IReadOnlyList<Extracted<DueRule>> Deadlines);
