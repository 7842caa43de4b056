using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>
/// A task as the officer's confirmation will create it: from one item of the draft, with the units
/// it names resolved to today's units, its due rule (the item's own, else the document's), and the
/// units and periods it fans out to (one assignment per unit per period). Followers are the units the
/// document is sent to for their information or oversight ("Nơi nhận" lines that owe no work: superiors
/// "(để báo cáo)", "(để biết)", "(để theo dõi)", or with no note), kept on the task so they can follow it.
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
    IReadOnlyList<DuePeriod> Periods,
    IReadOnlyList<OrgUnit> Followers);
