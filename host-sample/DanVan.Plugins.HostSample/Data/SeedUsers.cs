using DanVan.Plugins.Contracts.Host.V1;
using static DanVan.Plugins.HostSample.Data.SeedOrgUnits;

namespace DanVan.Plugins.HostSample.Data;

/// <summary>Officers of the sample e-office with their roles (names are invented).</summary>
internal static class SeedUsers
{
    public const string ProvincialAdmin = "u-admin-tinh";
    public const string Appraiser = "u-snv-tham-dinh";
    public const string TanHungOfficer = "u-tan-hung-can-bo";
    public const string TanHungChairman = "u-tan-hung-chu-tich";
    public const string TanHungClerk = "u-tan-hung-van-thu";
    public const string PhoHienOfficer = "u-pho-hien-can-bo";
    public const string FinanceOfficer = "u-stc-chuyen-vien";
    public const string PartyMobilizationOfficer = "u-ban-tgdv-chuyen-vien";
    public const string FormerChairman = "u-ubnd-tinh-chu-tich-2022";
    public const string Retired = "u-nghi-huu";

    public static IReadOnlyList<User> Build(DateTimeOffset updated)
    {
        List<User> users =
        [
            U(ProvincialAdmin, "Phạm Minh Tuấn", "tuanpm", "Chuyên viên quản trị hệ thống", ProvincialOffice, (Role.ProvincialAdmin, Province)),
            U(Appraiser, "Nguyễn Thị Thu Hà", "hantt.snv", "Chuyên viên Phòng Xây dựng chính quyền", HomeAffairsGovernanceDivision,
                (Role.HomeAffairsAppraiser, HomeAffairs)),
            U("u-snv-giam-doc", "Trần Văn Hùng", "hungtv.snv", "Giám đốc Sở Nội vụ", HomeAffairs, (Role.UnitLeader, HomeAffairs)),
            U("u-snv-van-thu", "Lê Thị Hồng", "honglt.snv", "Văn thư", HomeAffairs, (Role.Clerk, HomeAffairs)),
            U("u-vp-ubnd-van-thu", "Đỗ Thị Mai", "maidt.vp", "Văn thư Văn phòng UBND tỉnh", ProvincialOffice, (Role.Clerk, Province), (Role.Clerk, ProvincialOffice)),
            U(PartyMobilizationOfficer, "Vũ Văn Khải", "khaivv.tu", "Chuyên viên Ban Tuyên giáo và Dân vận Tỉnh ủy", PartyPropagandaAndMobilization,
                (Role.PartyMobilizationOfficer, PartyPropagandaAndMobilization)),
            U(FinanceOfficer, "Hoàng Thị Ngọc Ánh", "anhhtn.stc", "Chuyên viên Văn phòng Sở", Finance, (Role.AgencyOfficer, Finance)),
            U("u-sgd-chuyen-vien", "Bùi Đức Thắng", "thangbd.sgd", "Chuyên viên Văn phòng Sở", Education, (Role.AgencyOfficer, Education)),
            U("u-sgd-giam-doc", "Đinh Thị Thanh Xuân", "xuandtt.sgd", "Giám đốc Sở Giáo dục và Đào tạo", Education, (Role.UnitLeader, Education)),
            U("u-syt-chuyen-vien", "Đặng Thị Phương", "phuongdt.syt", "Chuyên viên Phòng Tổ chức cán bộ", Health, (Role.AgencyOfficer, Health)),
            U(TanHungOfficer, "Nguyễn Văn An", "annv.tanhung", "Công chức Văn hóa - Xã hội", "xa-tan-hung-vhxh", (Role.CommuneOfficer, TanHung)),
            U(TanHungChairman, "Lương Văn Dũng", "dunglv.tanhung", "Chủ tịch UBND xã", TanHung, (Role.UnitLeader, TanHung)),
            U(TanHungClerk, "Phạm Thị Hoa", "hoapt.tanhung", "Văn thư", "xa-tan-hung-vp", (Role.Clerk, TanHung)),
            U("u-thon-an-chieu-truong-thon", "Trần Văn Bảy", "baytv.anchieu", "Trưởng thôn An Chiểu", "thon-an-chieu", (Role.VillageLeader, "thon-an-chieu")),
            U(PhoHienOfficer, "Ngô Thị Lan", "lannt.phohien", "Công chức Văn phòng HĐND và UBND", "phuong-pho-hien-vp", (Role.CommuneOfficer, PhoHien)),
            U("u-pho-hien-chu-tich", "Đinh Quang Huy", "huydq.phohien", "Chủ tịch UBND phường", PhoHien, (Role.UnitLeader, PhoHien)),
            U("u-tien-lu-can-bo", "Lê Văn Thành", "thanhlv.tienlu", "Công chức Văn hóa - Xã hội", "xa-tien-lu-vhxh", (Role.CommuneOfficer, "xa-tien-lu")),
            U("u-thai-binh-can-bo", "Vũ Thị Hằng", "hangvt.thaibinh", "Công chức Văn phòng HĐND và UBND", "phuong-thai-binh-vp", (Role.CommuneOfficer, "phuong-thai-binh")),
            U("u-vu-thu-can-bo", "Nguyễn Đức Long", "longnd.vuthu", "Công chức Văn hóa - Xã hội", "xa-vu-thu-vhxh", (Role.CommuneOfficer, "xa-vu-thu")),
            U("u-thanh-tra-xem", "Tạ Quang Minh", "minhtq.tt", "Thanh tra viên", "thanh-tra-tinh-hung-yen", (Role.Viewer, Province)),
        ];

        // The signer of seed 001 (2022); kept so the document's signer resolves, no longer active.
        users.Add(U(FormerChairman, "Trần Quốc Văn", "vantq", "Chủ tịch UBND tỉnh (2022)", Province, active: false));
        // Retired with the end of the district level; history stays attributed.
        users.Add(U(Retired, "Phan Văn Lợi", "loipv", "Trưởng phòng Nội vụ thành phố Hưng Yên", FormerHungYenCityHomeAffairs, active: false,
            roles: [(Role.AgencyOfficer, FormerHungYenCityHomeAffairs)]));

        foreach (var user in users)
        {
            user.UpdateTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(updated);
        }

        return users;
    }

    private static User U(string id, string name, string username, string position, string primary, params (Role Role, string Unit)[] roles) =>
        U(id, name, username, position, primary, active: true, roles: roles);

    private static User U(string id, string name, string username, string position, string primary, bool active, (Role Role, string Unit)[]? roles = null)
    {
        var user = new User { Id = id, FullName = name, Username = username, Position = position, PrimaryOrgUnitId = primary, Active = active };
        foreach (var (role, unit) in roles ?? [])
        {
            user.RoleAssignments.Add(new RoleAssignment { Role = role, OrgUnitId = unit });
        }

        return user;
    }
}
