namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// A reporting requirement: "báo cáo UBND tỉnh (qua Sở Nội vụ tổng hợp) … để báo cáo Bộ Nội vụ" →
/// ReportTo "UBND tỉnh", Via "Sở Nội vụ", Upstream "Bộ Nội vụ". Span covers the whole phrase; Due is
/// the deadline stated in the same sentence, if any.
/// </summary>
internal sealed record ReportLine(
    Extracted<UnitMention>? ReportTo,
    Extracted<UnitMention>? Via,
    Extracted<UnitMention>? Upstream,
    Extracted<DueRule>? Due,
    TextSpan Span);
