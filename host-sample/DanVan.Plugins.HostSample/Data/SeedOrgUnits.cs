using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.HostSample.Data;

/// <summary>
/// The directory of the sample e-office: tỉnh Hưng Yên after the 2025 reform (merged with Thái Bình on
/// 01/7/2025, two-tier government), with the dissolved districts, communes and party boards kept with
/// their validity dates and successors, and the former districts the seed documents name (Xuân Trường,
/// Nam Định; Tháp Mười, Đồng Tháp). Commune names after the merger are plausible samples; identifier
/// and division codes are illustrative, not the issued ones.
/// </summary>
internal static class SeedOrgUnits
{
    public const string Province = "ubnd-tinh-hung-yen";
    public const string ProvincialCouncil = "hdnd-tinh-hung-yen";
    public const string ProvincialOffice = "vp-ubnd-tinh-hung-yen";
    public const string HomeAffairs = "so-noi-vu-hung-yen";
    public const string HomeAffairsGovernanceDivision = "so-noi-vu-hung-yen-xdcq";
    public const string Finance = "so-tai-chinh-hung-yen";
    public const string Education = "so-gddt-hung-yen";
    public const string Health = "so-y-te-hung-yen";
    public const string Police = "cong-an-tinh-hung-yen";
    public const string ProvincialPartyCommittee = "tinh-uy-hung-yen";
    public const string PartyPropagandaAndMobilization = "ban-tgdv-tinh-uy-hung-yen";
    public const string FormerPartyMobilizationBoard = "ban-dan-van-tinh-uy-hung-yen";
    public const string FatherlandFront = "mttq-tinh-hung-yen";
    public const string MinistryOfHomeAffairs = "bo-noi-vu";
    public const string TanHung = "xa-tan-hung";
    public const string PhoHien = "phuong-pho-hien";
    public const string FormerThaiBinhProvince = "ubnd-tinh-thai-binh";
    public const string FormerHungYenCity = "ubnd-tp-hung-yen";
    public const string FormerHungYenCityHomeAffairs = "phong-noi-vu-tp-hung-yen";
    public const string FormerXuanTruongDistrict = "ubnd-huyen-xuan-truong";
    public const string FormerXuanTruongPartyCommittee = "huyen-uy-xuan-truong";
    public const string FormerXuanTruongPartyOffice = "van-phong-huyen-uy-xuan-truong";
    public const string FormerNamDinhPartyCommittee = "tinh-uy-nam-dinh";
    public const string FormerThapMuoiDistrict = "ubnd-huyen-thap-muoi";
    public const string FormerThapMuoiHomeAffairs = "phong-noi-vu-huyen-thap-muoi";

    private const string ProvinceMerger = "Nghị quyết 202/2025/QH15 (sắp xếp đơn vị hành chính cấp tỉnh)";
    private const string CommuneMerger = "Nghị quyết 1666/NQ-UBTVQH15 (sắp xếp đơn vị hành chính cấp xã tỉnh Hưng Yên)";
    private const string DistrictEnd = "Luật Tổ chức chính quyền địa phương 72/2025/QH15 (kết thúc cấp huyện)";

    private static readonly DateOnly Reform = new(2025, 7, 1);
    private static readonly DateOnly LastDistrictDay = new(2025, 6, 30);

    /// <summary>The communes and wards of the sample (id, name, is ward).</summary>
    public static readonly IReadOnlyList<(string Id, string Name, bool Ward)> Communes =
    [
        (PhoHien, "Phố Hiến", true),
        ("phuong-son-nam", "Sơn Nam", true),
        ("phuong-hong-chau", "Hồng Châu", true),
        ("phuong-my-hao", "Mỹ Hào", true),
        ("phuong-thai-binh", "Thái Bình", true),
        ("phuong-tran-hung-dao", "Trần Hưng Đạo", true),
        (TanHung, "Tân Hưng", false),
        ("xa-hoang-hoa-tham", "Hoàng Hoa Thám", false),
        ("xa-tien-lu", "Tiên Lữ", false),
        ("xa-khoai-chau", "Khoái Châu", false),
        ("xa-van-giang", "Văn Giang", false),
        ("xa-vu-thu", "Vũ Thư", false),
        ("xa-kien-xuong", "Kiến Xương", false),
    ];

    public static IReadOnlyList<OrgUnit> Build()
    {
        var c = new OrgUnitCatalog();
        Central(c);
        Province_(c);
        Party(c);
        Front(c);
        FormerThaiBinh(c);
        CommunesAndDivisions(c);
        FormerDistricts(c);
        FormerXuanTruong(c);
        FormerThapMuoi(c);
        return c.Build();
    }

    private static void Central(OrgUnitCatalog c) =>
        c.Add(MinistryOfHomeAffairs, "", OrgUnitType.Ministry, AdministrativeLevel.Central, "Bộ Nội vụ", "Bộ Nội vụ", identifierCode: "000.00.00.G13", otherNames: ["BNV"]);

    private static void Province_(OrgUnitCatalog c)
    {
        const OrgUnitType Dept = OrgUnitType.ProvincialDepartment;
        const AdministrativeLevel P = AdministrativeLevel.Province;
        c.Add(Province, "", OrgUnitType.ProvincialPeoplesCommittee, P, "Ủy ban nhân dân tỉnh Hưng Yên", "UBND tỉnh Hưng Yên",
            identifierCode: "000.00.00.H31", divisionCode: "33", otherNames: ["UBND tỉnh", "Ủy ban nhân dân tỉnh"]);
        c.Add(ProvincialCouncil, "", OrgUnitType.ProvincialPeoplesCouncil, P, "Hội đồng nhân dân tỉnh Hưng Yên", "HĐND tỉnh Hưng Yên",
            otherNames: ["HĐND tỉnh", "Thường trực HĐND tỉnh"]);
        c.Add(ProvincialOffice, Province, Dept, P, "Văn phòng Ủy ban nhân dân tỉnh Hưng Yên", "Văn phòng UBND tỉnh",
            identifierCode: "000.01.31.H31", otherNames: ["VP UBND tỉnh"]);
        c.Add(HomeAffairs, Province, Dept, P, "Sở Nội vụ tỉnh Hưng Yên", "Sở Nội vụ", identifierCode: "000.14.31.H31", otherNames: ["SNV"]);
        c.Add(HomeAffairsGovernanceDivision, HomeAffairs, OrgUnitType.DepartmentDivision, P,
            "Phòng Xây dựng chính quyền và Công tác thanh niên", "Phòng Xây dựng chính quyền", otherNames: ["Phòng XDCQ"]);
        c.Add(Finance, Province, Dept, P, "Sở Tài chính tỉnh Hưng Yên", "Sở Tài chính", identifierCode: "000.05.31.H31");
        c.Add(Education, Province, Dept, P, "Sở Giáo dục và Đào tạo tỉnh Hưng Yên", "Sở Giáo dục và Đào tạo", identifierCode: "000.09.31.H31", otherNames: ["Sở GD&ĐT"]);
        c.Add(Health, Province, Dept, P, "Sở Y tế tỉnh Hưng Yên", "Sở Y tế", identifierCode: "000.17.31.H31");
        c.Add("benh-vien-da-khoa-hung-yen", Health, OrgUnitType.PublicServiceUnit, P, "Bệnh viện Đa khoa tỉnh Hưng Yên", "Bệnh viện Đa khoa tỉnh");
        c.Add("thanh-tra-tinh-hung-yen", Province, Dept, P, "Thanh tra tỉnh Hưng Yên", "Thanh tra tỉnh");
        c.Add(Police, Province, OrgUnitType.Other, P, "Công an tỉnh Hưng Yên", "Công an tỉnh", typeLabel: "Cơ quan ngành dọc (Bộ Công an)");
        c.Add("cong-doan-vp-ubnd-tinh", ProvincialOffice, OrgUnitType.MassOrganization, P, "Công đoàn cơ quan Văn phòng UBND tỉnh Hưng Yên", "Công đoàn cơ quan VP UBND tỉnh");
    }

    private static void Party(OrgUnitCatalog c)
    {
        const AdministrativeLevel P = AdministrativeLevel.Province;
        var merged = new DateOnly(2025, 3, 1);
        c.Add(ProvincialPartyCommittee, "", OrgUnitType.PartyCommittee, P, "Tỉnh ủy Hưng Yên", "Tỉnh ủy Hưng Yên", otherNames: ["Ban Thường vụ Tỉnh ủy", "Thường trực Tỉnh ủy"]);
        c.Add("van-phong-tinh-uy-hung-yen", ProvincialPartyCommittee, OrgUnitType.PartyBoard, P, "Văn phòng Tỉnh ủy Hưng Yên", "Văn phòng Tỉnh ủy");
        c.Add("ban-to-chuc-tinh-uy-hung-yen", ProvincialPartyCommittee, OrgUnitType.PartyBoard, P, "Ban Tổ chức Tỉnh ủy Hưng Yên", "Ban Tổ chức Tỉnh ủy");
        c.Add(PartyPropagandaAndMobilization, ProvincialPartyCommittee, OrgUnitType.PartyBoard, P,
            "Ban Tuyên giáo và Dân vận Tỉnh ủy Hưng Yên", "Ban Tuyên giáo và Dân vận Tỉnh ủy", validFrom: merged, otherNames: ["Ban TG&DV Tỉnh ủy"]);
        c.Add(FormerPartyMobilizationBoard, ProvincialPartyCommittee, OrgUnitType.PartyBoard, P,
            "Ban Dân vận Tỉnh ủy Hưng Yên", "Ban Dân vận Tỉnh ủy", validTo: merged.AddDays(-1), otherNames: ["BDVTU"]);
        c.Add("ban-tuyen-giao-tinh-uy-hung-yen", ProvincialPartyCommittee, OrgUnitType.PartyBoard, P,
            "Ban Tuyên giáo Tỉnh ủy Hưng Yên", "Ban Tuyên giáo Tỉnh ủy", validTo: merged.AddDays(-1));
        // The exact date of Hưng Yên's merger of the two boards is not confirmed; 01/3/2025 follows the
        // pattern of other provinces (domain.md §4).
        c.Succeed(FormerPartyMobilizationBoard, PartyPropagandaAndMobilization, SuccessionKind.Merged, merged, "Hợp nhất Ban Tuyên giáo và Ban Dân vận Tỉnh ủy");
        c.Succeed("ban-tuyen-giao-tinh-uy-hung-yen", PartyPropagandaAndMobilization, SuccessionKind.Merged, merged, "Hợp nhất Ban Tuyên giáo và Ban Dân vận Tỉnh ủy");
    }

    private static void Front(OrgUnitCatalog c)
    {
        c.Add(FatherlandFront, "", OrgUnitType.FatherlandFront, AdministrativeLevel.Province,
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hưng Yên", "Ủy ban MTTQ tỉnh", otherNames: ["UBMTTQVN tỉnh", "Mặt trận Tổ quốc tỉnh"]);
        c.Add("hoi-lhpn-tinh-hung-yen", FatherlandFront, OrgUnitType.MassOrganization, AdministrativeLevel.Province,
            "Hội Liên hiệp Phụ nữ tỉnh Hưng Yên", "Hội LHPN tỉnh");
    }

    private static void FormerThaiBinh(OrgUnitCatalog c)
    {
        c.Add(FormerThaiBinhProvince, "", OrgUnitType.ProvincialPeoplesCommittee, AdministrativeLevel.Province,
            "Ủy ban nhân dân tỉnh Thái Bình", "UBND tỉnh Thái Bình", validTo: LastDistrictDay, divisionCode: "34");
        c.Add("so-noi-vu-thai-binh", FormerThaiBinhProvince, OrgUnitType.ProvincialDepartment, AdministrativeLevel.Province,
            "Sở Nội vụ tỉnh Thái Bình", "Sở Nội vụ Thái Bình", validTo: LastDistrictDay);
        c.Succeed(FormerThaiBinhProvince, Province, SuccessionKind.Merged, Reform, ProvinceMerger);
        c.Succeed("so-noi-vu-thai-binh", HomeAffairs, SuccessionKind.Merged, Reform, ProvinceMerger);
    }

    private static void CommunesAndDivisions(OrgUnitCatalog c)
    {
        const AdministrativeLevel X = AdministrativeLevel.Commune;
        foreach (var (id, name, ward) in Communes)
        {
            var kind = ward ? "phường" : "xã";
            c.Add(id, Province, OrgUnitType.CommunePeoplesCommittee, X, $"Ủy ban nhân dân {kind} {name}", $"UBND {kind} {name}", validFrom: Reform);
            c.Add($"{id}-vp", id, OrgUnitType.CommuneDivision, X, $"Văn phòng HĐND và UBND {kind} {name}", "Văn phòng HĐND và UBND", validFrom: Reform);
            c.Add($"{id}-kt", id, OrgUnitType.CommuneDivision, X,
                ward ? $"Phòng Kinh tế, Hạ tầng và Đô thị phường {name}" : $"Phòng Kinh tế xã {name}",
                ward ? "Phòng Kinh tế, Hạ tầng và Đô thị" : "Phòng Kinh tế", validFrom: Reform);
            c.Add($"{id}-vhxh", id, OrgUnitType.CommuneDivision, X, $"Phòng Văn hóa - Xã hội {kind} {name}", "Phòng Văn hóa - Xã hội", validFrom: Reform);
            c.Add($"{id}-tthcc", id, OrgUnitType.CommuneDivision, X, $"Trung tâm Phục vụ hành chính công {kind} {name}", "Trung tâm Phục vụ hành chính công", validFrom: Reform);
        }

        // Xã Tân Hưng in full: council, party committee, front, people's inspection board and villages.
        c.Add("hdnd-xa-tan-hung", ProvincialCouncil, OrgUnitType.CommunePeoplesCouncil, X, "Hội đồng nhân dân xã Tân Hưng", "HĐND xã Tân Hưng", validFrom: Reform);
        c.Add("dang-uy-xa-tan-hung", ProvincialPartyCommittee, OrgUnitType.PartyCommittee, X, "Đảng ủy xã Tân Hưng", "Đảng ủy xã Tân Hưng", validFrom: Reform);
        c.Add("mttq-xa-tan-hung", FatherlandFront, OrgUnitType.FatherlandFront, X, "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Hưng", "Ủy ban MTTQ xã Tân Hưng", validFrom: Reform);
        c.Add("bttnd-xa-tan-hung", "mttq-xa-tan-hung", OrgUnitType.PeoplesInspectionBoard, X, "Ban Thanh tra nhân dân xã Tân Hưng", "Ban TTND xã Tân Hưng", validFrom: Reform);
        foreach (var (id, name) in new[]
        {
            ("thon-an-chieu", "Thôn An Chiểu"),
            ("thon-dang-chau", "Thôn Đằng Châu"),
            ("thon-phuong-chieu", "Thôn Phương Chiểu"),
            ("thon-hoang-hanh", "Thôn Hoàng Hanh"),
        })
        {
            c.Add(id, TanHung, OrgUnitType.Village, AdministrativeLevel.Village, $"{name}, xã Tân Hưng", name, validFrom: Reform);
        }

        c.Add("tdp-so-1-pho-hien", PhoHien, OrgUnitType.Village, AdministrativeLevel.Village, "Tổ dân phố số 1, phường Phố Hiến", "Tổ dân phố số 1", validFrom: Reform);
    }

    private static void FormerDistricts(OrgUnitCatalog c)
    {
        const OrgUnitType District = OrgUnitType.DistrictPeoplesCommittee;
        const AdministrativeLevel D = AdministrativeLevel.District;
        (string Id, string Parent, string Full, string Short, string[] Successors)[] districts =
        [
            (FormerHungYenCity, Province, "Ủy ban nhân dân thành phố Hưng Yên", "UBND thành phố Hưng Yên", [PhoHien, "phuong-son-nam", "phuong-hong-chau", TanHung]),
            ("ubnd-tx-my-hao", Province, "Ủy ban nhân dân thị xã Mỹ Hào", "UBND thị xã Mỹ Hào", ["phuong-my-hao"]),
            ("ubnd-huyen-tien-lu", Province, "Ủy ban nhân dân huyện Tiên Lữ", "UBND huyện Tiên Lữ", ["xa-tien-lu", "xa-hoang-hoa-tham"]),
            ("ubnd-huyen-khoai-chau", Province, "Ủy ban nhân dân huyện Khoái Châu", "UBND huyện Khoái Châu", ["xa-khoai-chau"]),
            ("ubnd-huyen-van-giang", Province, "Ủy ban nhân dân huyện Văn Giang", "UBND huyện Văn Giang", ["xa-van-giang"]),
            ("ubnd-tp-thai-binh", FormerThaiBinhProvince, "Ủy ban nhân dân thành phố Thái Bình", "UBND thành phố Thái Bình", ["phuong-thai-binh", "phuong-tran-hung-dao"]),
            ("ubnd-huyen-vu-thu", FormerThaiBinhProvince, "Ủy ban nhân dân huyện Vũ Thư", "UBND huyện Vũ Thư", ["xa-vu-thu"]),
            ("ubnd-huyen-kien-xuong", FormerThaiBinhProvince, "Ủy ban nhân dân huyện Kiến Xương", "UBND huyện Kiến Xương", ["xa-kien-xuong"]),
        ];
        foreach (var (id, parent, full, shortName, successors) in districts)
        {
            c.Add(id, parent, District, D, full, shortName, validTo: LastDistrictDay);
            foreach (var successor in successors)
            {
                c.Succeed(id, successor, SuccessionKind.Split, Reform, DistrictEnd);
            }
        }

        c.Add(FormerHungYenCityHomeAffairs, FormerHungYenCity, OrgUnitType.DistrictDivision, D, "Phòng Nội vụ thành phố Hưng Yên", "Phòng Nội vụ TP Hưng Yên",
            validTo: LastDistrictDay, otherNames: ["Phòng Nội vụ thành phố"]);
        c.Succeed(FormerHungYenCityHomeAffairs, HomeAffairs, SuccessionKind.Transferred, Reform, DistrictEnd);
        c.Succeed(FormerHungYenCityHomeAffairs, PhoHien, SuccessionKind.Transferred, Reform, DistrictEnd);
        c.Add("phong-noi-vu-huyen-tien-lu", "ubnd-huyen-tien-lu", OrgUnitType.DistrictDivision, D, "Phòng Nội vụ huyện Tiên Lữ", "Phòng Nội vụ huyện Tiên Lữ",
            validTo: LastDistrictDay, otherNames: ["Phòng Nội vụ huyện"]);
        c.Succeed("phong-noi-vu-huyen-tien-lu", "xa-tien-lu", SuccessionKind.Transferred, Reform, DistrictEnd);

        // Former communes of thành phố Hưng Yên merged into today's xã Tân Hưng.
        foreach (var (id, name) in new[] { ("ubnd-xa-tan-hung-cu", "Tân Hưng"), ("ubnd-xa-hoang-hanh", "Hoàng Hanh"), ("ubnd-xa-phuong-chieu", "Phương Chiểu") })
        {
            c.Add(id, FormerHungYenCity, OrgUnitType.CommunePeoplesCommittee, AdministrativeLevel.Commune, $"Ủy ban nhân dân xã {name}", $"UBND xã {name}", validTo: LastDistrictDay);
            c.Succeed(id, TanHung, SuccessionKind.Merged, Reform, CommuneMerger);
        }
    }

    private static void FormerXuanTruong(OrgUnitCatalog c)
    {
        const AdministrativeLevel D = AdministrativeLevel.District;
        c.Add("ubnd-tinh-ninh-binh", "", OrgUnitType.ProvincialPeoplesCommittee, AdministrativeLevel.Province, "Ủy ban nhân dân tỉnh Ninh Bình", "UBND tỉnh Ninh Bình", typeLabel: "Ngoài tỉnh");
        c.Add("tinh-uy-ninh-binh", "", OrgUnitType.PartyCommittee, AdministrativeLevel.Province, "Tỉnh ủy Ninh Bình", "Tỉnh ủy Ninh Bình", typeLabel: "Ngoài tỉnh");
        c.Add("ubnd-xa-xuan-truong", "ubnd-tinh-ninh-binh", OrgUnitType.CommunePeoplesCommittee, AdministrativeLevel.Commune, "Ủy ban nhân dân xã Xuân Trường", "UBND xã Xuân Trường", validFrom: Reform);
        c.Add("dang-uy-xa-xuan-truong", "tinh-uy-ninh-binh", OrgUnitType.PartyCommittee, AdministrativeLevel.Commune, "Đảng ủy xã Xuân Trường", "Đảng ủy xã Xuân Trường", validFrom: Reform);

        c.Add("ubnd-tinh-nam-dinh", "", OrgUnitType.ProvincialPeoplesCommittee, AdministrativeLevel.Province, "Ủy ban nhân dân tỉnh Nam Định", "UBND tỉnh Nam Định", validTo: LastDistrictDay, divisionCode: "36");
        c.Add(FormerNamDinhPartyCommittee, "", OrgUnitType.PartyCommittee, AdministrativeLevel.Province, "Tỉnh ủy Nam Định", "Tỉnh ủy Nam Định", validTo: LastDistrictDay);
        c.Succeed("ubnd-tinh-nam-dinh", "ubnd-tinh-ninh-binh", SuccessionKind.Merged, Reform, ProvinceMerger);
        c.Succeed(FormerNamDinhPartyCommittee, "tinh-uy-ninh-binh", SuccessionKind.Merged, Reform, ProvinceMerger);

        c.Add(FormerXuanTruongDistrict, "ubnd-tinh-nam-dinh", OrgUnitType.DistrictPeoplesCommittee, D, "Ủy ban nhân dân huyện Xuân Trường", "UBND huyện Xuân Trường", validTo: LastDistrictDay);
        c.Add(FormerXuanTruongPartyCommittee, FormerNamDinhPartyCommittee, OrgUnitType.PartyCommittee, D, "Huyện ủy Xuân Trường", "Huyện ủy Xuân Trường",
            validTo: LastDistrictDay, otherNames: ["Ban Thường vụ Huyện ủy Xuân Trường", "Đảng bộ huyện Xuân Trường"]);
        c.Add("ban-dan-van-huyen-uy-xuan-truong", FormerXuanTruongPartyCommittee, OrgUnitType.PartyBoard, D, "Ban Dân vận Huyện ủy Xuân Trường", "Ban Dân vận Huyện ủy",
            validTo: LastDistrictDay);
        c.Add(FormerXuanTruongPartyOffice, FormerXuanTruongPartyCommittee, OrgUnitType.PartyBoard, D, "Văn phòng Huyện ủy Xuân Trường", "Văn phòng Huyện ủy",
            validTo: LastDistrictDay, otherNames: ["VP Huyện ủy"]);
        c.Succeed(FormerXuanTruongDistrict, "ubnd-xa-xuan-truong", SuccessionKind.Split, Reform, DistrictEnd);
        c.Succeed(FormerXuanTruongPartyCommittee, "dang-uy-xa-xuan-truong", SuccessionKind.Split, Reform, DistrictEnd);
        c.Succeed("ban-dan-van-huyen-uy-xuan-truong", "dang-uy-xa-xuan-truong", SuccessionKind.Transferred, Reform, DistrictEnd);
        c.Succeed(FormerXuanTruongPartyOffice, "dang-uy-xa-xuan-truong", SuccessionKind.Transferred, Reform, DistrictEnd);
    }

    private static void FormerThapMuoi(OrgUnitCatalog c)
    {
        const AdministrativeLevel D = AdministrativeLevel.District;
        c.Add("ubnd-tinh-dong-thap", "", OrgUnitType.ProvincialPeoplesCommittee, AdministrativeLevel.Province, "Ủy ban nhân dân tỉnh Đồng Tháp", "UBND tỉnh Đồng Tháp",
            typeLabel: "Ngoài tỉnh", divisionCode: "87");
        c.Add("ubnd-xa-thap-muoi", "ubnd-tinh-dong-thap", OrgUnitType.CommunePeoplesCommittee, AdministrativeLevel.Commune, "Ủy ban nhân dân xã Tháp Mười", "UBND xã Tháp Mười", validFrom: Reform);
        c.Add(FormerThapMuoiDistrict, "ubnd-tinh-dong-thap", OrgUnitType.DistrictPeoplesCommittee, D, "Ủy ban nhân dân huyện Tháp Mười", "UBND huyện Tháp Mười",
            validTo: LastDistrictDay, otherNames: ["ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI"]);
        c.Add(FormerThapMuoiHomeAffairs, FormerThapMuoiDistrict, OrgUnitType.DistrictDivision, D, "Phòng Nội vụ huyện Tháp Mười", "Phòng Nội vụ huyện Tháp Mười",
            validTo: LastDistrictDay, otherNames: ["Phòng Nội vụ huyện"]);
        c.Succeed(FormerThapMuoiDistrict, "ubnd-xa-thap-muoi", SuccessionKind.Split, Reform, DistrictEnd);
        c.Succeed(FormerThapMuoiHomeAffairs, "ubnd-xa-thap-muoi", SuccessionKind.Transferred, Reform, DistrictEnd);
    }
}
