using System.Text;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

public sealed class BadInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \r\n\t  \n")]
    public void EmptyDocument_GivesAnEmptyDraft_WithAVietnameseMessage(string? input)
    {
        var draft = new DirectiveExtractor().Extract(input);

        Assert.True(draft.IsEmpty);
        var message = Assert.Single(draft.Messages);
        Assert.Equal(DraftMessageCode.EmptyDocument, message.Code);
        Assert.Equal("Văn bản trống: không có nội dung để trích nhiệm vụ.", message.Text);
    }

    [Theory]
    [InlineData("Kính gửi: Sở Nội vụ.\n\nĐề nghị Sở Nội vụ xem xét, giải quyết.")]
    [InlineData("\u0000\u0001\u0002 ��� \uFFFF")]
    [InlineData("Nơi nhận:\n- Như trên;\n- Lưu: VT.")]
    [InlineData("1.")]
    [InlineData("**")]
    [InlineData("Nơi nhận:\n- \nChủ tịch")] // an empty bullet in Nơi nhận (found by the property test)
    [InlineData("Kính gửi:\n- \n\nĐề nghị thực hiện.")]
    [InlineData("CHỈ THỊ\nCỦA\tBAN THƯỜNG VỤ")]
    public void DocumentWithoutItems_GivesAnEmptyDraft_SayingSo(string input)
    {
        var draft = Fixtures.Extract(input);

        Assert.True(draft.IsEmpty);
        Assert.Contains(draft.Messages, m => m.Code == DraftMessageCode.NoItemsFound && m.Text.StartsWith("Không nhận ra mục nhiệm vụ nào", StringComparison.Ordinal));
        Assert.DoesNotContain(draft.Messages, m => m.Code == DraftMessageCode.InternalError);
    }

    [Fact]
    public void OutOfOrderNumbers_AreReadAsText()
    {
        var draft = Fixtures.Extract("Yêu cầu các sở thực hiện các nội dung sau:\n\n1. Việc thứ nhất, tổng số\n15. đơn vị tham gia.\n\n2. Việc thứ hai.\n");

        Assert.Equal(["1", "2"], draft.Items.Select(i => i.Number));
        Assert.Equal("Việc thứ nhất, tổng số 15. đơn vị tham gia.", draft.Items[0].Text.Value);
    }

    [Fact]
    public void DecomposedInput_IsNormalised_AndSpansPointIntoTheNormalisedText()
    {
        var nfc = Fixtures.Seed(Fixtures.Seed003);
        var draft = Fixtures.Extract(nfc.Normalize(NormalizationForm.FormD));

        Assert.True(draft.Text.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(DraftPrinter.Print(Fixtures.Extract(nfc)), DraftPrinter.Print(draft));
        Assert.Equal("trước ngày 20 tháng 10", draft.Items[3].Deadlines[0].Span.Of(draft.Text));
    }

    [Fact]
    public void NoBreakSpaces_AndEthForDj_ReadAsSpacesAndĐ()
    {
        var text = "Số:\u00A0/UBND-NV\n\nYêu cầu các sở thực hiện các nội dung sau:\n\n1.\u00A0Ban Dân vận Huyện ủy chủ trì, phối hợp với Ðảng ủy xã Tân Hưng thực hiện; báo cáo trước\u00A0ngày 15/11/2024.\n";
        var draft = Fixtures.Extract(text);

        Assert.Equal(text.Length, draft.Text.Length);
        Assert.Equal("Ban Dân vận Huyện ủy", draft.Items.Single().Lead!.Value.Name);
        Assert.Equal("Đảng ủy xã Tân Hưng", draft.Items[0].Cooperating.Single().Value.Name);
        Assert.Equal(DueRule.OneOff(15, 11, 2024), draft.Items[0].Deadlines.Single().Value);
        Assert.True(draft.Metadata.Number!.Value.IsBlank);
    }

    [Fact]
    public void VeryLongDocument_StillExtracts()
    {
        var sb = new StringBuilder("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện các nội dung sau:\n\n");
        for (var i = 1; i <= 99; i++)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i}. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính thực hiện việc số {i}; báo cáo UBND tỉnh trước ngày 15/11 hằng năm.\n\n");
        }

        var draft = Fixtures.Extract(sb.ToString());

        Assert.Equal(99, draft.Items.Count);
        Assert.All(draft.Items, i => Assert.Equal(DueRule.Yearly(15, 11), Assert.Single(i.Deadlines).Value));
        Assert.All(draft.Items, i => Assert.Equal("Sở Nội vụ", i.Lead!.Value.Name));
    }
}
