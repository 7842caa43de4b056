namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>
/// What a collective mention ("các sở, ban, ngành", "UBND các xã, phường") stands for. None for a
/// mention of one named unit.
/// </summary>
internal enum UnitGroup
{
    None = 0,
    ProvincialAgencies,        // các sở, ban, ngành (tỉnh)
    DistrictPeoplesCommittees, // UBND các huyện, thị xã, thành phố
    CommunePeoplesCommittees,  // UBND các xã, phường, thị trấn
    SpecialisedAgencies,       // các cơ quan chuyên môn, đơn vị sự nghiệp (thuộc UBND …)
    MassOrganizations,         // Mặt trận Tổ quốc và các tổ chức chính trị - xã hội, đoàn thể
    PartyOrganizations,        // các cấp ủy, đảng bộ, chi bộ
    Governments,               // chính quyền (các cấp)
    RelatedAgencies,           // các cơ quan, đơn vị có liên quan
    People,                    // các đ/c Ủy viên …, cán bộ, công chức
    Other,
}
