using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Tasks.Tests.Infrastructure;

/// <summary>
/// The fake e-office's officers (as in the sample host's seed users): who holds which role where.
/// An id not listed keeps the fake's old answer (a commune officer of xã Tân Hưng) so tests written
/// before the table still act as that officer; <see cref="Unknown"/> is NOT_FOUND.
/// </summary>
internal static class FakeUsers
{
    public const string Appraiser = "u-snv-tham-dinh";
    public const string CommuneOfficer = "u-tan-hung-can-bo";
    public const string CommuneLeader = "u-tan-hung-chu-tich";
    public const string CommuneViewer = "u-tan-hung-xem";
    public const string OtherCommuneOfficer = "u-pho-hien-can-bo";
    public const string ProvinceOfficer = "u-ubnd-tinh-chuyen-vien";
    public const string ProvinceAdmin = "u-admin-tinh";
    public const string Retired = "u-nghi-huu";
    public const string Unknown = "u-khong-ton-tai";
    public const string OtherCommune = "phuong-pho-hien";
    public const string Province = "ubnd-tinh-hung-yen";

    public static User? Find(string userId) => userId switch
    {
        Appraiser => Make(userId, "Lê Thị Thẩm", FakeEoffice.HomeAffairs, Role.HomeAffairsAppraiser),
        CommuneOfficer => Make(userId, "Nguyễn Văn An", FakeEoffice.Commune, Role.CommuneOfficer),
        CommuneLeader => Make(userId, "Trần Văn Bình", FakeEoffice.Commune, Role.UnitLeader),
        CommuneViewer => Make(userId, "Phạm Thị Xem", FakeEoffice.Commune, Role.Viewer),
        OtherCommuneOfficer => Make(userId, "Đỗ Thị Hoa", OtherCommune, Role.CommuneOfficer),
        ProvinceOfficer => Make(userId, "Vũ Minh Chuyên", Province, Role.AgencyOfficer),
        ProvinceAdmin => Make(userId, "Hoàng Quản Trị", Province, Role.ProvincialAdmin),
        Retired => Make(userId, "Ngô Văn Hưu", FakeEoffice.Commune, Role.CommuneOfficer, active: false),
        Unknown => null,
        _ => Make(userId, "Cán bộ " + userId, FakeEoffice.Commune, Role.CommuneOfficer),
    };

    private static User Make(string id, string name, string unit, Role role, bool active = true)
    {
        var user = new User { Id = id, FullName = name, Active = active, PrimaryOrgUnitId = unit };
        user.RoleAssignments.Add(new RoleAssignment { Role = role, OrgUnitId = unit });
        return user;
    }
}
