using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

/// <summary>Item labels beyond "1." and "a)": articles of a quyết định, ordinals in words, "1.1." under "1.".</summary>
public sealed class StructureFormTests
{
    [Fact]
    public void SubNumberedUnderItsNumber_HasThePathOfItsLabel()
    {
        var draft = Fixtures.Extract("KẾ HOẠCH\n\nI. NỘI DUNG\n\n1. Tuyên truyền\n\n1.1. Sở Nội vụ biên soạn tài liệu.\n\n1.2. Các sở phát hành tài liệu.\n\n2. Kiểm tra\n\n2.1. Sở Nội vụ kiểm tra việc thực hiện.\n");

        Assert.Equal(["I", "I.1", "I.1.1", "I.1.2", "I.2", "I.2.1"], draft.AllItems().Select(i => i.Path));
        Assert.Equal("1.1", draft.AllItems().ElementAt(2).Number);
    }

    [Fact]
    public void Articles_AreNumberedItems_AndCanCarrySubItems()
    {
        var draft = Fixtures.Extract("QUYẾT ĐỊNH:\n\nĐiều 1. Thành lập Tổ công tác.\n\nĐiều 2. Tổ công tác có nhiệm vụ:\n- Rà soát hồ sơ, hoàn thành trước ngày 15/11/2026;\n- Báo cáo kết quả.\n\nĐiều 3. Văn phòng HĐND và UBND xã chịu trách nhiệm thi hành Quyết định này./.\n");

        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));
        Assert.Equal(["Điều 1.", "Điều 2.", "Điều 3."], draft.Items.Select(i => i.Label));
        Assert.Equal(DueRule.OneOff(15, 11, 2026), draft.Items[1].Children[0].Deadlines.Single().Value);
        Assert.Equal("Văn phòng HĐND và UBND xã", draft.Items[2].Assignees.Single().Value.Name);
    }

    [Fact]
    public void Ordinals_InWords_AreNumberedItems_AndAMondayIsNot()
    {
        var draft = Fixtures.Extract("THÔNG BÁO\n\nChủ tịch UBND tỉnh kết luận như sau:\n\nThứ nhất, Sở Nội vụ rà soát kiến nghị.\n\nTHỨ HAI: Sở Tư pháp thẩm định hồ sơ.\n\nThứ ba, các sở thực hiện nghiêm túc.\n");

        Assert.Equal(["1", "2", "3"], draft.Items.Select(i => i.Number));
        Assert.Equal("Sở Tư pháp thẩm định hồ sơ.", draft.Items[1].Text.Value);

        var monday = Fixtures.Extract("THÔNG BÁO\n\nLịch làm việc như sau:\n\nThứ hai, ngày 05/01/2027: họp giao ban.\n");
        Assert.Empty(monday.Items);
    }
}
