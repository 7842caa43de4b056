using System.Globalization;
using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Bench.Tasks;

/// <summary>
/// A province's org tree after the 2025 reform: the UBND tỉnh, 26 sở/ban/ngành and 104 xã/phường
/// (130 units that receive work), and 10 former districts with 40 former communes, dissolved on
/// 30/6/2025, whose successors are today's communes.
/// </summary>
internal static class Province
{
    public const string Root = "ubnd-tinh";

    public static IReadOnlyList<string> Departments { get; } = [.. Enumerable.Range(1, 26).Select(i => Id("so", i))];

    public static IReadOnlyList<string> Communes { get; } = [.. Enumerable.Range(1, 104).Select(i => Id("xa", i))];

    public static IReadOnlyList<string> Assigned { get; } = [.. Departments, .. Communes];

    /// <summary>The former commune whose work the i-th commune (0-based) carries, for the first 40 communes.</summary>
    public static string? FormerOf(int communeIndex) => communeIndex < 40 ? Id("xa-cu", communeIndex + 1) : null;

    public static IReadOnlyList<OrgUnit> Units()
    {
        var units = new List<OrgUnit> { new() { Id = Root, Type = OrgUnitType.ProvincialPeoplesCommittee, FullName = "Ủy ban nhân dân tỉnh Hưng Yên", ShortName = "UBND tỉnh" } };
        units.AddRange(Departments.Select((id, i) => new OrgUnit { Id = id, ParentId = Root, Type = OrgUnitType.ProvincialDepartment, FullName = $"Sở số {i + 1} tỉnh Hưng Yên" }));
        units.AddRange(Communes.Select((id, i) => new OrgUnit { Id = id, ParentId = Root, Type = OrgUnitType.CommunePeoplesCommittee, FullName = $"Ủy ban nhân dân xã số {i + 1}", ValidFrom = Day(2025, 7, 1) }));
        for (var d = 1; d <= 10; d++)
        {
            var district = new OrgUnit { Id = Id("huyen", d), ParentId = Root, Type = OrgUnitType.DistrictPeoplesCommittee, FullName = $"Ủy ban nhân dân huyện số {d}", ValidTo = Day(2025, 6, 30) };
            district.Successors.Add(new OrgUnitSuccessor { OrgUnitId = Communes[(d - 1) * 4], EffectiveDate = Day(2025, 7, 1) });
            units.Add(district);
        }

        for (var i = 0; i < 40; i++)
        {
            var former = new OrgUnit { Id = FormerOf(i)!, ParentId = Id("huyen", (i / 4) + 1), Type = OrgUnitType.CommunePeoplesCommittee, FullName = $"Ủy ban nhân dân xã cũ số {i + 1}", ValidTo = Day(2025, 6, 30) };
            former.Successors.Add(new OrgUnitSuccessor { OrgUnitId = Communes[i], EffectiveDate = Day(2025, 7, 1) });
            units.Add(former);
        }

        return units;
    }

    private static string Id(string prefix, int i) => prefix + "-" + i.ToString("D3", CultureInfo.InvariantCulture);

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
