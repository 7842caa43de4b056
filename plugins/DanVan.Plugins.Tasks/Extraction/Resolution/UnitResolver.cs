using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Tasks.Extraction.Resolution;

/// <summary>
/// Maps the unit names of a draft onto the host directory, as of the document's date and relative to
/// its issuer. Kept apart from the extractor, which stays pure: this is the step that does I/O.
/// A dissolved unit stays the named unit, with its successors suggested; a collective mention maps to
/// unit types; a name the directory does not know stays as text with low confidence.
/// </summary>
internal sealed class UnitResolver(IUnitDirectory directory)
{
    private const double AcceptWithoutAsking = 0.9;

    public async Task<ResolvedDraft> ResolveAsync(DirectiveDraft draft, string? issuerOrgUnitId, CancellationToken cancellationToken)
    {
        var asOf = draft.Metadata.IssueDate?.Value is { } d ? new DateOnly(d.Year, d.Month, d.Day ?? 1) : (DateOnly?)null;
        var mentions = draft.Addressees.Select(a => a.Unit)
            .Concat(draft.Recipients.Where(r => r.Purpose.Value is not (RecipientPurpose.Archive or RecipientPurpose.AsAbove)).Select(r => r.Unit))
            .Concat(draft.AllItems().Concat(draft.Closing is null ? [] : [draft.Closing]).SelectMany(UnitsOf))
            .Select(m => m.Value);
        var result = new Dictionary<string, UnitResolution>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            var key = UnitNames.Canonical(mention.Name);
            if (!result.ContainsKey(key))
            {
                result[key] = await ResolveAsync(mention, asOf, issuerOrgUnitId, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ResolvedDraft(draft, result);
    }

    public async Task<UnitResolution> ResolveAsync(UnitMention mention, DateOnly? asOf, string? contextOrgUnitId, CancellationToken cancellationToken)
    {
        if (mention.IsGroup)
        {
            return new UnitResolution(mention, UnitResolutionStatus.Group, null, [], [], GroupTypes(mention.Group), 0.8);
        }

        var request = new ResolveOrgUnitRequest { Text = mention.Name, MaxCandidates = 5 };
        if (asOf is { } day)
        {
            request.AsOf = new Date { Year = day.Year, Month = day.Month, Day = day.Day };
        }

        if (!string.IsNullOrEmpty(contextOrgUnitId))
        {
            request.ContextOrgUnitId = contextOrgUnitId;
        }

        ResolveOrgUnitResponse response;
        try
        {
            response = await directory.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The draft must still open; the officer picks the unit by hand.
            return new UnitResolution(mention, UnitResolutionStatus.LookupFailed, null, [], [], [], 0.1);
        }

        var candidates = response.Candidates.OrderByDescending(c => c.Confidence).ToList();
        if (candidates.Count == 0)
        {
            return new UnitResolution(mention, UnitResolutionStatus.Unresolved, null, [], [], [], 0.2);
        }

        var best = candidates[0];
        var ambiguous = best.Confidence < AcceptWithoutAsking && candidates.Count > 1 && candidates[1].Confidence >= best.Confidence - 0.05;
        if (ambiguous)
        {
            return new UnitResolution(mention, UnitResolutionStatus.Ambiguous, null, [], candidates, [], Math.Round(best.Confidence * 0.6, 2));
        }

        var status = best.Successors.Count > 0 ? UnitResolutionStatus.Dissolved : UnitResolutionStatus.Resolved;
        return new UnitResolution(mention, status, best.OrgUnit, best.Successors.ToList(), candidates, [], best.Confidence);
    }

    private static IEnumerable<Extracted<UnitMention>> UnitsOf(DraftItem item)
    {
        if (item.Lead is not null)
        {
            yield return item.Lead;
        }

        foreach (var u in item.Cooperating.Concat(item.Assignees))
        {
            yield return u;
        }

        foreach (var r in item.Reports)
        {
            foreach (var u in new[] { r.ReportTo, r.Via, r.Upstream })
            {
                if (u is not null)
                {
                    yield return u;
                }
            }
        }
    }

    /// <summary>The directory types a collective mention expands to; empty when it cannot be told.</summary>
    public static IReadOnlyList<OrgUnitType> GroupTypes(UnitGroup group) => group switch
    {
        UnitGroup.ProvincialAgencies => [OrgUnitType.ProvincialDepartment],
        UnitGroup.DistrictPeoplesCommittees => [OrgUnitType.DistrictPeoplesCommittee],
        UnitGroup.CommunePeoplesCommittees => [OrgUnitType.CommunePeoplesCommittee],
        UnitGroup.SpecialisedAgencies => [OrgUnitType.DistrictDivision, OrgUnitType.CommuneDivision, OrgUnitType.PublicServiceUnit],
        UnitGroup.MassOrganizations => [OrgUnitType.FatherlandFront, OrgUnitType.MassOrganization],
        UnitGroup.PartyOrganizations => [OrgUnitType.PartyCommittee, OrgUnitType.PartyBoard],
        UnitGroup.Governments => [OrgUnitType.ProvincialPeoplesCommittee, OrgUnitType.CommunePeoplesCommittee, OrgUnitType.DistrictPeoplesCommittee],
        _ => [],
    };
}
