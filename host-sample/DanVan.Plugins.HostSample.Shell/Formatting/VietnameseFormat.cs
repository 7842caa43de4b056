using System.Globalization;
using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.HostSample.Shell.Formatting;

/// <summary>How the shell shows dates and the contract's enums to Vietnamese officers.</summary>
internal static class VietnameseFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static string Date(Date? date) =>
        date is null || date.Year == 0 ? "—" : $"{date.Day:00}/{date.Month:00}/{date.Year:0000}";

    public static string Urgency(DocumentUrgency urgency) => urgency switch
    {
        DocumentUrgency.Urgent => "Khẩn",
        DocumentUrgency.VeryUrgent => "Thượng khẩn",
        DocumentUrgency.Flash => "Hỏa tốc",
        _ => "Thường",
    };

    public static string Confidentiality(DocumentConfidentiality confidentiality) => confidentiality switch
    {
        DocumentConfidentiality.Confidential => "Mật",
        DocumentConfidentiality.Secret => "Tối mật",
        DocumentConfidentiality.TopSecret => "Tuyệt mật",
        _ => "Thường",
    };

    public static string Direction(DocumentDirection direction) => direction switch
    {
        DocumentDirection.Incoming => "Văn bản đến",
        DocumentDirection.Outgoing => "Văn bản đi",
        DocumentDirection.Internal => "Văn bản nội bộ",
        _ => "Văn bản",
    };

    public static string Role(Role role) => role switch
    {
        Contracts.Host.V1.Role.CommuneOfficer => "Cán bộ, công chức cấp xã",
        Contracts.Host.V1.Role.AgencyOfficer => "Cán bộ cơ quan",
        Contracts.Host.V1.Role.HomeAffairsAppraiser => "Thẩm định viên Sở Nội vụ",
        Contracts.Host.V1.Role.PartyMobilizationOfficer => "Cán bộ dân vận",
        Contracts.Host.V1.Role.UnitLeader => "Lãnh đạo đơn vị",
        Contracts.Host.V1.Role.Clerk => "Văn thư",
        Contracts.Host.V1.Role.ProvincialAdmin => "Quản trị cấp tỉnh",
        Contracts.Host.V1.Role.VillageLeader => "Trưởng thôn, tổ dân phố",
        Contracts.Host.V1.Role.Viewer => "Xem",
        _ => "Người dùng",
    };

    public static string UnitType(OrgUnit unit) => !string.IsNullOrEmpty(unit.TypeLabel) ? unit.TypeLabel : unit.Type switch
    {
        OrgUnitType.Ministry => "Bộ, cơ quan ngang bộ",
        OrgUnitType.ProvincialPeoplesCommittee => "UBND cấp tỉnh",
        OrgUnitType.ProvincialPeoplesCouncil => "HĐND cấp tỉnh",
        OrgUnitType.ProvincialDepartment => "Sở, ban, ngành",
        OrgUnitType.DepartmentDivision => "Phòng, ban thuộc sở",
        OrgUnitType.PartyCommittee => "Cấp ủy Đảng",
        OrgUnitType.PartyBoard => "Ban của cấp ủy",
        OrgUnitType.CommunePeoplesCommittee => "UBND cấp xã",
        OrgUnitType.CommunePeoplesCouncil => "HĐND cấp xã",
        OrgUnitType.CommuneDivision => "Phòng chuyên môn cấp xã",
        OrgUnitType.Village => "Thôn, tổ dân phố",
        OrgUnitType.PublicServiceUnit => "Đơn vị sự nghiệp",
        OrgUnitType.FatherlandFront => "Mặt trận Tổ quốc",
        OrgUnitType.MassOrganization => "Tổ chức chính trị - xã hội",
        OrgUnitType.PeoplesInspectionBoard => "Ban Thanh tra nhân dân",
        OrgUnitType.DistrictPeoplesCommittee => "UBND cấp huyện (trước 01/7/2025)",
        OrgUnitType.DistrictPeoplesCouncil => "HĐND cấp huyện (trước 01/7/2025)",
        OrgUnitType.DistrictDivision => "Phòng chuyên môn cấp huyện (trước 01/7/2025)",
        OrgUnitType.Enterprise => "Doanh nghiệp",
        _ => "Đơn vị",
    };

    /// <summary>"Số: 05/CT-UBND" as printed; a document with no number shows its notation alone.</summary>
    public static string Code(Document document)
    {
        if (!string.IsNullOrWhiteSpace(document.CodeAsPrinted))
        {
            return document.CodeAsPrinted;
        }

        return string.IsNullOrEmpty(document.Number)
            ? (string.IsNullOrEmpty(document.Notation) ? "Chưa có số" : "/" + document.Notation)
            : string.IsNullOrEmpty(document.Notation) ? document.Number : document.Number + "/" + document.Notation;
    }
}
