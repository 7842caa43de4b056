using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>
/// A task as the officer's confirmation will create it: from one item of the draft, with the units
/// it names resolved to today's units, its due rule (the item's own, else the document's), and the
/// units and periods it fans out to (one assignment per unit per period).
/// </summary>
internal sealed record PlannedTask(
    string ItemPath,
    string Content,
    OrgUnit? Lead,
    IReadOnlyList<OrgUnit> Cooperating,
    OrgUnit? ReportTo,
    OrgUnit? ReportVia,
    DueRule? Due,
    IReadOnlyList<OrgUnit> Units,
    IReadOnlyList<DuePeriod> Periods);
