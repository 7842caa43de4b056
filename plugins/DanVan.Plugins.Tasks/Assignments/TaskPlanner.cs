using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Extraction.Resolution;
using RecipientPurpose = DanVan.Plugins.Tasks.Extraction.RecipientPurpose;

namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>
/// Plans the tasks of the chosen items. The units that owe the work are the item's lead and the
/// units it addresses; an item naming none is for the document's addressees (as the opening sentence
/// says). Co-operating units are recorded on the task but owe no report of their own. The report line
/// and the deadline come from the item, else from the closing paragraph that applies to all items.
/// </summary>
internal sealed class TaskPlanner(IUnitExpander expander, TimeProvider time)
{
    public async Task<IReadOnlyList<PlannedTask>> PlanAsync(ResolvedDraft resolved, string? issuerOrgUnitId, IReadOnlyCollection<string> chosenPaths, CancellationToken cancellationToken)
    {
        var draft = resolved.Draft;
        var root = await expander.ProvinceRootAsync(issuerOrgUnitId, cancellationToken).ConfigureAwait(false);
        var today = AssignmentStatuses.Today(time);
        var closingReport = draft.Closing?.Reports.FirstOrDefault();
        var closingDue = draft.Closing?.Deadlines.FirstOrDefault()?.Value ?? closingReport?.Due?.Value;
        var followers = FollowerCandidates(resolved);
        var tasks = new List<PlannedTask>();
        foreach (var item in draft.AllItems().Where(i => chosenPaths.Contains(i.Path)))
        {
            var owners = (item.Lead is null ? [] : new[] { item.Lead }).Concat(item.Assignees).ToList();
            if (owners.Count == 0)
            {
                owners = [.. draft.Addressees.Select(a => a.Unit)];
            }

            var units = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
            foreach (var owner in owners)
            {
                foreach (var unit in await ExpandAsync(resolved, owner, root, cancellationToken).ConfigureAwait(false))
                {
                    units.TryAdd(unit.Id, unit);
                }
            }

            var cooperating = new List<OrgUnit>();
            foreach (var c in item.Cooperating)
            {
                cooperating.AddRange(await ExpandAsync(resolved, c, root, cancellationToken).ConfigureAwait(false));
            }

            var report = item.Reports.FirstOrDefault() ?? closingReport;
            var due = Refine(item.Deadlines.FirstOrDefault()?.Value ?? item.Reports.Select(r => r.Due?.Value).FirstOrDefault(d => d is not null), closingDue);
            tasks.Add(new PlannedTask(
                item.Path,
                item.Text.Value,
                item.Lead is null ? null : Single(resolved, item.Lead),
                cooperating.DistinctBy(u => u.Id).ToList(),
                report?.ReportTo is { } to ? Single(resolved, to) : null,
                report?.Via is { } via ? Single(resolved, via) : null,
                due,
                [.. units.Values],
                DuePeriods.Plan(due, today),
                [.. followers.Where(f => !units.ContainsKey(f.Id) && cooperating.All(c => c.Id != f.Id))]));
        }

        return tasks;
    }

    // Nơi nhận lines that inform or report upwards (the issuer's own files and the addressees excepted),
    // each resolved to one unit: groups ("Các sở, ban, ngành") owe work and are never followers.
    private static List<OrgUnit> FollowerCandidates(ResolvedDraft resolved) =>
        [.. resolved.Draft.Recipients
            .Where(r => r.Source == RecipientSource.NoiNhan && r.Unit.Value.Group == UnitGroup.None
                && r.Purpose.Value is RecipientPurpose.Unspecified or RecipientPurpose.Report or RecipientPurpose.Information or RecipientPurpose.Supervision)
            .Select(r => Single(resolved, r.Unit))
            .OfType<OrgUnit>()
            .DistinctBy(u => u.Id)];

    // "Hằng năm, … tự đánh giá" in an item and "báo cáo … trước ngày 15 tháng 11 hằng năm" in the
    // closing: the item says how often, the closing says by when.
    private static DueRule? Refine(DueRule? own, DueRule? document) =>
        own is null ? document
        : document is not null && own.Kind == document.Kind && own.Day is null && own.Month is null && own.PeriodMonth is null ? document
        : own;

    private Task<IReadOnlyList<OrgUnit>> ExpandAsync(ResolvedDraft resolved, Extracted<UnitMention> mention, string? root, CancellationToken cancellationToken) =>
        resolved.ByName.TryGetValue(UnitNames.Canonical(mention.Value.Name), out var r)
            ? expander.ExpandAsync(r, root, cancellationToken)
            : Task.FromResult<IReadOnlyList<OrgUnit>>([]);

    private static OrgUnit? Single(ResolvedDraft resolved, Extracted<UnitMention> mention) =>
        resolved.ByName.TryGetValue(UnitNames.Canonical(mention.Value.Name), out var r) ? r.SuggestedUnit : null;
}
