using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Data;
using DanVan.Plugins.HostSample.Text;

namespace DanVan.Plugins.HostSample.Services;

/// <summary>
/// ResolveOrgUnit: maps a name as printed in a document onto units valid on the document's date.
/// Exact name or alias → 1 (in the writer's context, or when it is the only one), prefix of a name in
/// the writer's context → 0.9, containment → 0.6–0.7, shared words → at most 0.5; then today's
/// successors of units no longer valid.
/// </summary>
internal sealed class OrgUnitResolver(HostStore store, TimeProvider time)
{
    private const int DefaultCandidates = 5;
    private const int MaxCandidates = 20;

    public ResolveOrgUnitResponse Resolve(ResolveOrgUnitRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw RichStatus.InvalidArgument("Thiếu text.", ("text", "text là bắt buộc (tên đơn vị như in trong văn bản)."));
        }

        if (request.MaxCandidates < 0)
        {
            throw RichStatus.InvalidArgument("max_candidates không được âm.", ("max_candidates", "max_candidates phải lớn hơn hoặc bằng 0."));
        }

        var today = CivilDates.Today(time);
        var asOf = CivilDates.Read(request.AsOf, "as_of") ?? today;
        var successorsAsOf = CivilDates.Read(request.SuccessorsAsOf, "successors_as_of") ?? today;
        HashSet<string>? context = null;
        if (request.ContextOrgUnitId.Length > 0)
        {
            var writer = Require.Found(store.FindUnit(request.ContextOrgUnitId), "đơn vị ngữ cảnh", request.ContextOrgUnitId);
            // The writer's own subtree and its siblings' (a district UBND writes of its phòng and of its peers).
            context = store.SelfAndDescendants(writer.ParentId.Length > 0 ? writer.ParentId : writer.Id).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        }

        var key = VietnameseText.NameKey(request.Text);
        if (key.Length == 0)
        {
            return new ResolveOrgUnitResponse();
        }

        var scored = new List<(OrgUnit Unit, double Score, string Name, int Order)>();
        var order = 0;
        foreach (var unit in store.Units)
        {
            order++;
            if (!HostStore.IsValidOn(unit, asOf) || (request.Types_.Count > 0 && !request.Types_.Contains(unit.Type)))
            {
                continue;
            }

            var inContext = context?.Contains(unit.Id) ?? false;
            var best = (Score: 0.0, Name: "");
            foreach (var name in DirectoryServiceImpl.Names(unit).Where(n => n.Length > 0))
            {
                var score = Score(key, VietnameseText.NameKey(name), inContext);
                if (score > best.Score)
                {
                    best = (score, name);
                }
            }

            if (best.Score > 0)
            {
                scored.Add((unit, best.Score, best.Name, order));
            }
        }

        // An exact match is certain only in the writer's context or when nothing else matches exactly.
        var exactOutsideContext = scored.Count(s => s.Score >= 0.99 && !(context?.Contains(s.Unit.Id) ?? false));
        var response = new ResolveOrgUnitResponse();
        var limit = request.MaxCandidates == 0 ? DefaultCandidates : Math.Min(request.MaxCandidates, MaxCandidates);
        foreach (var (unit, score, name, _) in scored
            .Select(s => s.Score >= 0.99 && !(context?.Contains(s.Unit.Id) ?? false) && (exactOutsideContext > 1 || context is not null) ? s with { Score = 0.8 } : s)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Order).Take(limit))
        {
            var candidate = new OrgUnitCandidate { OrgUnit = unit, Confidence = score, MatchedName = name };
            if (!HostStore.IsValidOn(unit, successorsAsOf))
            {
                candidate.Successors.AddRange(Successors(unit, successorsAsOf));
            }

            response.Candidates.Add(candidate);
        }

        return response;
    }

    /// <summary>The units valid on <paramref name="date"/> reached by following successor links transitively.</summary>
    public IReadOnlyList<OrgUnit> Successors(OrgUnit unit, DateOnly date)
    {
        var found = new List<OrgUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { unit.Id };
        var queue = new Queue<OrgUnit>([unit]);
        while (queue.Count > 0)
        {
            foreach (var link in queue.Dequeue().Successors)
            {
                if (!seen.Add(link.OrgUnitId) || store.FindUnit(link.OrgUnitId) is not { } next)
                {
                    continue;
                }

                if (HostStore.IsValidOn(next, date))
                {
                    found.Add(next);
                }
                else
                {
                    queue.Enqueue(next);
                }
            }
        }

        return found;
    }

    private static double Score(string key, string name, bool inContext)
    {
        if (name == key)
        {
            return 1.0;
        }

        if (inContext && name.StartsWith(key + " ", StringComparison.Ordinal))
        {
            return 0.9;
        }

        if (ContainsWords(name, key) || ContainsWords(key, name))
        {
            return inContext ? 0.7 : 0.6;
        }

        var a = key.Split(' ').ToHashSet(StringComparer.Ordinal);
        var b = name.Split(' ').ToHashSet(StringComparer.Ordinal);
        var jaccard = (double)a.Intersect(b).Count() / a.Union(b).Count();
        return jaccard >= 0.5 ? Math.Round(jaccard * 0.5, 3) : 0;
    }

    private static bool ContainsWords(string haystack, string needle) => $" {haystack} ".Contains($" {needle} ", StringComparison.Ordinal);
}
