using DanVan.Plugins.HostSample.Data;

namespace DanVan.Plugins.HostSample;

/// <summary>Ids of seeded objects that other parts (web shell, plugin tests, demos) refer to.</summary>
public static class SampleIds
{
    /// <summary>UBND tỉnh Hưng Yên, the province's root unit.</summary>
    public const string Province = SeedOrgUnits.Province;

    /// <summary>Sở Nội vụ tỉnh Hưng Yên.</summary>
    public const string HomeAffairs = SeedOrgUnits.HomeAffairs;

    /// <summary>Ban Tuyên giáo và Dân vận Tỉnh ủy.</summary>
    public const string PartyPropagandaAndMobilization = SeedOrgUnits.PartyPropagandaAndMobilization;

    /// <summary>UBND xã Tân Hưng (from 01/7/2025), the commune seeded in full.</summary>
    public const string TanHung = SeedOrgUnits.TanHung;

    /// <summary>UBND phường Phố Hiến.</summary>
    public const string PhoHien = SeedOrgUnits.PhoHien;

    /// <summary>The former UBND huyện Tháp Mười (dissolved 30/6/2025), issuer of seed 003.</summary>
    public const string FormerThapMuoiDistrict = SeedOrgUnits.FormerThapMuoiDistrict;

    /// <summary>Nguyễn Văn An, commune officer of xã Tân Hưng.</summary>
    public const string TanHungOfficer = SeedUsers.TanHungOfficer;

    /// <summary>Lương Văn Dũng, chairman (unit leader) of xã Tân Hưng.</summary>
    public const string TanHungChairman = SeedUsers.TanHungChairman;

    /// <summary>Ngô Thị Lan, commune officer of phường Phố Hiến.</summary>
    public const string PhoHienOfficer = SeedUsers.PhoHienOfficer;

    /// <summary>Hoàng Thị Ngọc Ánh, agency officer of Sở Tài chính.</summary>
    public const string FinanceOfficer = SeedUsers.FinanceOfficer;

    /// <summary>Nguyễn Thị Thu Hà, appraiser of Sở Nội vụ.</summary>
    public const string Appraiser = SeedUsers.Appraiser;

    /// <summary>Vũ Văn Khải, officer of Ban Tuyên giáo và Dân vận Tỉnh ủy.</summary>
    public const string PartyMobilizationOfficer = SeedUsers.PartyMobilizationOfficer;

    /// <summary>Phạm Minh Tuấn, provincial administrator.</summary>
    public const string ProvincialAdmin = SeedUsers.ProvincialAdmin;

    /// <summary>Seed 001: CHỈ THỊ of the Chairman of UBND tỉnh Hưng Yên, 21/02/2022.</summary>
    public const string Seed001 = SeedDocuments.Seed001;

    /// <summary>Seed 002: CHỈ THỊ of Ban Thường vụ Huyện ủy Xuân Trường.</summary>
    public const string Seed002 = SeedDocuments.Seed002;

    /// <summary>Seed 003: CÔNG VĂN of UBND huyện Tháp Mười, 11/2023, "Số: /UBND-NV".</summary>
    public const string Seed003 = SeedDocuments.Seed003;

    /// <summary>Sở Nội vụ's request for the 2026 dân vận reports (due 15/11/2026), addressed to every commune.</summary>
    public const string ReportRequest = SeedDocuments.ReportRequest;
}
