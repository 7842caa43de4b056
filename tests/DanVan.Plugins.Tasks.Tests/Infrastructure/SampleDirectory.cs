using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Tasks.Tests.Infrastructure;

/// <summary>
/// A small Đồng Tháp directory on 21/11/2026: the province and Sở Nội vụ, the former UBND huyện Tháp
/// Mười and its Phòng Nội vụ (dissolved 30/6/2025, taken over by two communes), a second former
/// district for ambiguity, and a commune merged twice (for transitive successors).
/// </summary>
internal static class SampleDirectory
{
    public const string Province = "dt";
    public const string HomeAffairs = "dt-snv";
    public const string ThapMuoiDistrict = "dt-h-thapmuoi";
    public const string ThapMuoiHomeAffairs = "dt-h-thapmuoi-pnv";
    public const string CaoLanhDistrict = "dt-h-caolanh";
    public const string CaoLanhHomeAffairs = "dt-h-caolanh-pnv";
    public const string ThapMuoiCommune = "dt-x-thapmuoi";
    public const string MyQuiCommune = "dt-x-myqui";
    public const string OldCommune = "dt-x-cu";
    public const string InterimCommune = "dt-x-tam";

    public static readonly DateTimeOffset Today = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<OrgUnit> Units()
    {
        var endOfDistricts = Day(2025, 6, 30);
        var communesStart = Day(2025, 7, 1);
        return
        [
            Unit(Province, "", OrgUnitType.ProvincialPeoplesCommittee, "Ủy ban nhân dân tỉnh Đồng Tháp", "UBND tỉnh Đồng Tháp"),
            Unit(HomeAffairs, Province, OrgUnitType.ProvincialDepartment, "Sở Nội vụ tỉnh Đồng Tháp", "Sở Nội vụ"),
            Dissolved(Unit(ThapMuoiDistrict, Province, OrgUnitType.DistrictPeoplesCommittee, "Ủy ban nhân dân huyện Tháp Mười", "UBND huyện Tháp Mười"), endOfDistricts,
                (ThapMuoiCommune, SuccessionKind.Merged), (MyQuiCommune, SuccessionKind.Split)),
            Dissolved(Unit(ThapMuoiHomeAffairs, ThapMuoiDistrict, OrgUnitType.DistrictDivision, "Phòng Nội vụ huyện Tháp Mười", ""), endOfDistricts,
                (ThapMuoiCommune, SuccessionKind.Transferred)),
            Dissolved(Unit(CaoLanhDistrict, Province, OrgUnitType.DistrictPeoplesCommittee, "Ủy ban nhân dân huyện Cao Lãnh", "UBND huyện Cao Lãnh"), endOfDistricts,
                (MyQuiCommune, SuccessionKind.Merged)),
            Dissolved(Unit(CaoLanhHomeAffairs, CaoLanhDistrict, OrgUnitType.DistrictDivision, "Phòng Nội vụ huyện Cao Lãnh", ""), endOfDistricts,
                (MyQuiCommune, SuccessionKind.Transferred)),
            From(Unit(ThapMuoiCommune, Province, OrgUnitType.CommunePeoplesCommittee, "Ủy ban nhân dân xã Tháp Mười", "UBND xã Tháp Mười"), communesStart),
            From(Unit(MyQuiCommune, Province, OrgUnitType.CommunePeoplesCommittee, "Ủy ban nhân dân xã Mỹ Quí", "UBND xã Mỹ Quí"), communesStart),
            Dissolved(Unit(OldCommune, ThapMuoiDistrict, OrgUnitType.CommunePeoplesCommittee, "Ủy ban nhân dân xã Trường Xuân", "UBND xã Trường Xuân"), Day(2024, 12, 31),
                (InterimCommune, SuccessionKind.Merged)),
            Dissolved(From(Unit(InterimCommune, ThapMuoiDistrict, OrgUnitType.CommunePeoplesCommittee, "Ủy ban nhân dân xã Trường Xuân Mới", ""), Day(2025, 1, 1)), endOfDistricts,
                (ThapMuoiCommune, SuccessionKind.Merged)),
        ];
    }

    private static OrgUnit Unit(string id, string parent, OrgUnitType type, string fullName, string shortName, params string[] otherNames)
    {
        var unit = new OrgUnit { Id = id, ParentId = parent, Type = type, FullName = fullName, ShortName = shortName };
        unit.OtherNames.AddRange(otherNames);
        return unit;
    }

    private static OrgUnit Dissolved(OrgUnit unit, Date validTo, params (string Id, SuccessionKind Kind)[] successors)
    {
        unit.ValidTo = validTo;
        foreach (var (id, kind) in successors)
        {
            unit.Successors.Add(new OrgUnitSuccessor { OrgUnitId = id, Kind = kind, EffectiveDate = Day(validTo.Year, validTo.Month, validTo.Day).Clone() });
        }

        return unit;
    }

    private static OrgUnit From(OrgUnit unit, Date validFrom)
    {
        unit.ValidFrom = validFrom;
        return unit;
    }

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
