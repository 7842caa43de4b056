using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Tasks.Extraction.Resolution;

/// <summary>
/// A named unit matched against the directory. Unit is the unit the document named, as it was on the
/// document's date, kept even when it has been dissolved since; Successors are today's units that
/// took over from it (suggested, for the officer to confirm). Candidates are every directory answer,
/// best first. GroupTypes are the unit types a collective mention stands for. Confidence is low
/// (≤ 0.3) when nothing matched: the name stays as text.
/// </summary>
internal sealed record UnitResolution(
    UnitMention Mention,
    UnitResolutionStatus Status,
    OrgUnit? Unit,
    IReadOnlyList<OrgUnit> Successors,
    IReadOnlyList<OrgUnitCandidate> Candidates,
    IReadOnlyList<OrgUnitType> GroupTypes,
    double Confidence)
{
    /// <summary>The unit to assign today: the only successor of a dissolved unit, or the unit itself.</summary>
    public OrgUnit? SuggestedUnit => Status == UnitResolutionStatus.Dissolved ? (Successors.Count == 1 ? Successors[0] : null) : Status == UnitResolutionStatus.Resolved ? Unit : null;
}
