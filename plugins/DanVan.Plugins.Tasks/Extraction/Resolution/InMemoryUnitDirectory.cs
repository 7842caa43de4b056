using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Tasks.Extraction.Resolution;

/// <summary>
/// A unit directory over a fixed list of org units, answering ResolveOrgUnit the way the contract
/// describes it: names and aliases compared without case, diacritics or abbreviations; only units
/// valid on as_of; a name relative to the context unit ("Phòng Nội vụ huyện" in a document of UBND
/// huyện Tháp Mười) preferred inside the context's family; successors of dissolved units followed
/// to the units valid on successors_as_of. For tests and for hosts that hand over a static tree.
/// </summary>
internal sealed class InMemoryUnitDirectory(IEnumerable<OrgUnit> units, TimeProvider time) : IUnitDirectory
{
    private readonly Dictionary<string, OrgUnit> byId = units.ToDictionary(u => u.Id, StringComparer.Ordinal);

    public Task<ResolveOrgUnitResponse> ResolveAsync(ResolveOrgUnitRequest request, CancellationToken cancellationToken)
    {
        var text = UnitNames.Canonical(request.Text ?? string.Empty);
        var response = new ResolveOrgUnitResponse();
        if (text.Length == 0)
        {
            return Task.FromResult(response);
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var asOf = ToDateOnly(request.AsOf) ?? today;
        var successorsAsOf = ToDateOnly(request.SuccessorsAsOf) ?? today;
        var family = Family(request.ContextOrgUnitId);
        var scored = new List<(OrgUnit Unit, double Score, string Matched)>();
        foreach (var unit in byId.Values)
        {
            if (!IsValid(unit, asOf) || (request.Types_.Count > 0 && !request.Types_.Contains(unit.Type)))
            {
                continue;
            }

            var best = (Score: 0.0, Matched: string.Empty);
            foreach (var name in Names(unit))
            {
                var candidate = UnitNames.Canonical(name);
                var score = candidate == text ? 1.0
                    : candidate.StartsWith(text + " ", StringComparison.Ordinal) ? family.GetValueOrDefault(unit.Id, 0.7)
                    : candidate.Contains(" " + text, StringComparison.Ordinal) || text.Contains(candidate, StringComparison.Ordinal) ? 0.5
                    : 0;
                if (score > best.Score)
                {
                    best = (score, name);
                }
            }

            if (best.Score > 0)
            {
                scored.Add((unit, best.Score, best.Matched));
            }
        }

        var max = request.MaxCandidates <= 0 ? 5 : Math.Min(request.MaxCandidates, 20);
        foreach (var (unit, score, matched) in scored.OrderByDescending(s => s.Score).ThenBy(s => s.Unit.Id, StringComparer.Ordinal).Take(max))
        {
            var candidate = new OrgUnitCandidate { OrgUnit = unit, Confidence = score, MatchedName = matched };
            if (!IsValid(unit, successorsAsOf))
            {
                candidate.Successors.AddRange(Successors(unit, successorsAsOf, []));
            }

            response.Candidates.Add(candidate);
        }

        return Task.FromResult(response);
    }

    private IEnumerable<OrgUnit> Successors(OrgUnit unit, DateOnly asOf, HashSet<string> seen)
    {
        foreach (var link in unit.Successors)
        {
            if (!seen.Add(link.OrgUnitId) || !byId.TryGetValue(link.OrgUnitId, out var next))
            {
                continue;
            }

            if (IsValid(next, asOf))
            {
                yield return next;
            }
            else
            {
                foreach (var further in Successors(next, asOf, seen))
                {
                    yield return further;
                }
            }
        }
    }

    /// <summary>
    /// Where a relative name ("UBND huyện", "Phòng Nội vụ huyện") points from the context unit, with
    /// the score of a prefix match there: the context and its ancestors first, then its own
    /// divisions, then its siblings'.
    /// </summary>
    private Dictionary<string, double> Family(string? contextId)
    {
        var family = new Dictionary<string, double>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(contextId) || !byId.TryGetValue(contextId, out var context))
        {
            return family;
        }

        foreach (var unit in byId.Values)
        {
            if (!string.IsNullOrEmpty(context.ParentId) && unit.ParentId == context.ParentId)
            {
                family[unit.Id] = 0.8;
            }
        }

        foreach (var unit in byId.Values)
        {
            if (unit.ParentId == context.Id)
            {
                family[unit.Id] = 0.93;
            }
        }

        family[context.Id] = 0.95;
        for (var parent = context.ParentId; !string.IsNullOrEmpty(parent) && byId.TryGetValue(parent, out var p) && family.GetValueOrDefault(parent) < 0.95; parent = p.ParentId)
        {
            family[parent] = 0.95;
        }

        return family;
    }

    private static IEnumerable<string> Names(OrgUnit unit)
    {
        yield return unit.FullName;
        if (!string.IsNullOrEmpty(unit.ShortName))
        {
            yield return unit.ShortName;
        }

        foreach (var other in unit.OtherNames)
        {
            yield return other;
        }
    }

    private static bool IsValid(OrgUnit unit, DateOnly day) =>
        (ToDateOnly(unit.ValidFrom) is not { } from || from <= day) && (ToDateOnly(unit.ValidTo) is not { } to || day <= to);

    private static DateOnly? ToDateOnly(Date? date) =>
        date is { Year: > 0, Month: >= 1 and <= 12, Day: >= 1 } d && d.Day <= DateTime.DaysInMonth(d.Year, d.Month) ? new DateOnly(d.Year, d.Month, d.Day) : null;
}
