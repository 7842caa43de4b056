using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>
/// The host's org tree as the roll-up walks it: parents, children in the host's order, and where a
/// dissolved unit's work now counts (its successor, followed transitively; the first successor when
/// a unit was split, since its assignments cannot be divided). Ids the host does not know stay as
/// they are, as roots, so nothing assigned is lost from the totals.
/// </summary>
internal sealed class OrgTree
{
    private const int MaxDepth = 32;
    private readonly Dictionary<string, OrgUnit> units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> effective = new(StringComparer.Ordinal);
    private readonly List<string> roots = [];

    public OrgTree(IEnumerable<OrgUnit> all, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(all);
        foreach (var unit in all)
        {
            units.TryAdd(unit.Id, unit);
        }

        foreach (var unit in units.Values)
        {
            effective[unit.Id] = Follow(unit.Id, today);
        }

        foreach (var unit in units.Values)
        {
            // A dissolved unit with a known successor is not shown: its work is counted under the successor.
            if (effective[unit.Id] != unit.Id)
            {
                continue;
            }

            if (ParentOf(unit.Id) is { } parent)
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(unit.Id);
            }
            else
            {
                roots.Add(unit.Id);
            }
        }

        Today = today;
    }

    public static OrgTree Empty { get; } = new([], DateOnly.MinValue);

    public DateOnly Today { get; }

    /// <summary>The top units, in the host's order.</summary>
    public IReadOnlyList<string> Roots => roots;

    /// <summary>Every unit the host listed, dissolved ones included.</summary>
    public IEnumerable<string> AllIds => units.Keys;

    public bool Knows(string unitId) => units.ContainsKey(unitId);

    public OrgUnit? Find(string unitId) => units.GetValueOrDefault(unitId);

    public IReadOnlyList<string> ChildrenOf(string unitId) => children.TryGetValue(unitId, out var list) ? list : [];

    /// <summary>The unit that carries this unit's work today: itself, or its successor after a reorganisation.</summary>
    public string Effective(string unitId) => effective.GetValueOrDefault(unitId, unitId);

    /// <summary>The unit's parent in the tree (a dissolved parent's successor), or null for a root or an unknown unit.</summary>
    public string? ParentOf(string unitId) =>
        units.TryGetValue(unitId, out var unit) && !string.IsNullOrEmpty(unit.ParentId) && units.ContainsKey(unit.ParentId)
            && Effective(unit.ParentId) is var parent && parent != unitId
            ? parent
            : null;

    /// <summary>Whether <paramref name="unitId"/> (taken as its effective unit) is <paramref name="ancestorId"/> or below it.</summary>
    public bool IsWithin(string unitId, string ancestorId)
    {
        var id = Effective(unitId);
        for (var depth = 0; id is not null && depth < MaxDepth; depth++)
        {
            if (id == ancestorId)
            {
                return true;
            }

            id = ParentOf(id);
        }

        return false;
    }

    /// <summary>The unit's name as officers read it: the full name, else the short name, else the id.</summary>
    public string NameOf(string unitId, string? fallback = null)
    {
        if (!units.TryGetValue(unitId, out var unit))
        {
            return string.IsNullOrEmpty(fallback) ? unitId : fallback;
        }

        var name = !string.IsNullOrEmpty(unit.FullName) ? unit.FullName : !string.IsNullOrEmpty(unit.ShortName) ? unit.ShortName : unitId;
        return IsDissolved(unit, Today) ? name + " (đã giải thể)" : name;
    }

    public static bool IsDissolved(OrgUnit unit, DateOnly today) =>
        unit.ValidTo is { Year: > 0 } to && new DateOnly(to.Year, to.Month, to.Day) < today;

    private string Follow(string unitId, DateOnly today)
    {
        var id = unitId;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (!units.TryGetValue(id, out var unit) || !IsDissolved(unit, today) || unit.Successors.Count == 0)
            {
                return id;
            }

            var next = unit.Successors.OrderBy(s => s.EffectiveDate is { Year: > 0 } d ? new DateOnly(d.Year, d.Month, d.Day) : DateOnly.MinValue).First().OrgUnitId;
            if (string.IsNullOrEmpty(next) || next == id || !units.ContainsKey(next))
            {
                return id;
            }

            id = next;
        }

        return id;
    }
}
