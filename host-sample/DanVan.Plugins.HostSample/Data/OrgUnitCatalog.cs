using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.HostSample.Text;

namespace DanVan.Plugins.HostSample.Data;

/// <summary>Collects seeded org units and their successor links; <see cref="Build"/> fills ancestors and predecessors.</summary>
internal sealed class OrgUnitCatalog
{
    private readonly List<OrgUnit> _units = [];
    private readonly Dictionary<string, OrgUnit> _byId = new(StringComparer.Ordinal);

    public OrgUnit Add(
        string id,
        string parentId,
        OrgUnitType type,
        AdministrativeLevel level,
        string fullName,
        string shortName,
        DateOnly? validFrom = null,
        DateOnly? validTo = null,
        string typeLabel = "",
        string identifierCode = "",
        string divisionCode = "",
        params string[] otherNames)
    {
        var unit = new OrgUnit
        {
            Id = id,
            ParentId = parentId,
            Type = type,
            TypeLabel = typeLabel,
            Level = level,
            FullName = fullName,
            ShortName = shortName,
            IdentifierCode = identifierCode,
            AdministrativeDivisionCode = divisionCode,
            ValidFrom = validFrom is { } from ? CivilDates.ToProto(from) : null,
            ValidTo = validTo is { } to ? CivilDates.ToProto(to) : null,
        };
        unit.OtherNames.AddRange(otherNames);
        _units.Add(unit);
        _byId.Add(id, unit);
        return unit;
    }

    public void Succeed(string fromId, string toId, SuccessionKind kind, DateOnly effective, string note)
    {
        _byId[fromId].Successors.Add(new OrgUnitSuccessor
        {
            OrgUnitId = toId,
            EffectiveDate = CivilDates.ToProto(effective),
            Kind = kind,
            Note = note,
        });
        _byId[toId].PredecessorIds.Add(fromId);
    }

    public OrgUnit this[string id] => _byId[id];

    /// <summary>The units in tree order (each root followed by its subtree, in the order added), with ancestors filled in.</summary>
    public IReadOnlyList<OrgUnit> Build()
    {
        var children = _units.Where(u => u.ParentId.Length > 0).ToLookup(u => u.ParentId, StringComparer.Ordinal);
        var ordered = new List<OrgUnit>(_units.Count);
        foreach (var root in _units.Where(u => u.ParentId.Length == 0))
        {
            Visit(root, []);
        }

        if (ordered.Count != _units.Count)
        {
            var orphans = _units.Except(ordered).Select(u => u.Id);
            throw new InvalidOperationException($"Seeded units without a reachable parent: {string.Join(", ", orphans)}");
        }

        return ordered;

        void Visit(OrgUnit unit, List<OrgUnitRef> path)
        {
            unit.Ancestors.Clear();
            unit.Ancestors.AddRange(path.Select(r => r.Clone()));
            ordered.Add(unit);
            var childPath = new List<OrgUnitRef>(path)
            {
                new() { OrgUnitId = unit.Id, Name = unit.ShortName.Length > 0 ? unit.ShortName : unit.FullName, Type = unit.Type },
            };
            foreach (var child in children[unit.Id])
            {
                Visit(child, childPath);
            }
        }
    }
}
