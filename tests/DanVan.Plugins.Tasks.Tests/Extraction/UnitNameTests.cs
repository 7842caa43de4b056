using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

/// <summary>Where unit names start and end in running text, for the shapes Vietnamese bodies' names take.</summary>
public sealed class UnitNameTests
{
    private static DraftItem Item(string sentence) =>
        Fixtures.Extract($"Yêu cầu các cơ quan thực hiện các nội dung sau:\n\n1. {sentence}\n").Items.Single();

    [Theory]
    [InlineData("Sở Nội vụ")]
    [InlineData("Sở Kế hoạch và Đầu tư")]
    [InlineData("Sở Lao động - Thương binh và Xã hội")]
    [InlineData("Sở Văn hóa, Thể thao và Du lịch")]
    [InlineData("Ban Tuyên giáo và Dân vận Tỉnh ủy")]
    [InlineData("Ban Dân vận Huyện ủy")]
    [InlineData("Văn phòng UBND tỉnh")]
    [InlineData("Văn phòng HĐND và UBND xã")]
    [InlineData("Trung tâm Phục vụ hành chính công tỉnh")]
    [InlineData("Phòng Xây dựng chính quyền")]
    [InlineData("Phòng Kinh tế - Hạ tầng - Đô thị")]
    [InlineData("Công an tỉnh")]
    [InlineData("Bộ Chỉ huy Quân sự tỉnh")]
    [InlineData("Hội Liên hiệp Phụ nữ tỉnh")]
    [InlineData("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")]
    [InlineData("Ủy ban nhân dân xã Tân Hưng")]
    [InlineData("UBND huyện Tháp Mười")]
    [InlineData("Uỷ ban nhân dân tỉnh")]
    [InlineData("So Noi vu")]
    public void Lead_IsTheWholeName(string name)
    {
        var item = Item($"{name} chủ trì, phối hợp với Sở Tài chính và các cơ quan liên quan tổ chức thực hiện.");

        Assert.Equal(name, item.Lead?.Value.Name);
        Assert.Equal(UnitGroup.None, item.Lead!.Value.Group);
        Assert.Equal(["Sở Tài chính", "các cơ quan liên quan"], item.Cooperating.Select(c => c.Value.Name));
    }

    [Theory]
    [InlineData("Các sở, ban, ngành tỉnh", "ProvincialAgencies")]
    [InlineData("UBND các huyện, thị xã, thành phố", "DistrictPeoplesCommittees")]
    [InlineData("Ủy ban nhân dân các xã, phường, đặc khu", "CommunePeoplesCommittees")]
    [InlineData("Các cơ quan chuyên môn thuộc UBND tỉnh", "SpecialisedAgencies")]
    [InlineData("Các tổ chức chính trị - xã hội tỉnh", "MassOrganizations")]
    [InlineData("Các cấp ủy đảng", "PartyOrganizations")]
    [InlineData("Chính quyền các cấp", "Governments")]
    [InlineData("Các cơ quan, đơn vị có liên quan", "RelatedAgencies")]
    public void SubjectGroup_IsOneMention_WithItsKind(string name, string group)
    {
        var item = Item($"{name} tổ chức quán triệt Chỉ thị.");

        var assignee = Assert.Single(item.Assignees);
        Assert.Equal(name, assignee.Value.Name);
        Assert.Equal(group, assignee.Value.Group.ToString());
    }

    [Theory]
    [InlineData("Ban hành quy chế làm việc của cơ quan.")]
    [InlineData("Bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả.")]
    [InlineData("Phòng, chống tham nhũng, tiêu cực.")]
    [InlineData("Báo cáo kết quả theo quy định.")]
    [InlineData("Số liệu được cập nhật thường xuyên.")]
    public void CapitalisedWordsThatAreNotUnits_NameNoUnit(string sentence)
    {
        var item = Item(sentence);

        Assert.Empty(item.Assignees);
        Assert.Null(item.Lead);
        Assert.Empty(item.Reports);
    }
}
