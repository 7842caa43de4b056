using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Extraction;

/// <summary>Every common way a Vietnamese directive states a deadline, inside one item.</summary>
public sealed class DeadlineFormTests
{
    private static DirectiveDraft Draft(string phrase) => Fixtures.Extract(
        "CÔNG VĂN\n\nỦy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện các nội dung sau:\n\n" +
        $"1. Sở Nội vụ tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh {phrase}.\n\n2. Các sở thực hiện nghiêm túc.\n");

    private static readonly Dictionary<string, DueRule> Expected = new()
    {
        ["trước ngày 15/11/2024"] = DueRule.OneOff(15, 11, 2024),
        ["trước ngày 15-11-2024"] = DueRule.OneOff(15, 11, 2024),
        ["trước ngày 15.11.2024"] = DueRule.OneOff(15, 11, 2024),
        ["trước ngày 15 tháng 11 năm 2024"] = DueRule.OneOff(15, 11, 2024),
        ["trước ngày 15 tháng 11/2024"] = DueRule.OneOff(15, 11, 2024),
        ["chậm nhất ngày 05/12/2024"] = DueRule.OneOff(5, 12, 2024),
        ["chậm nhất là ngày 05/12/2024"] = DueRule.OneOff(5, 12, 2024),
        ["hạn chót 15/11/2024"] = DueRule.OneOff(15, 11, 2024),
        ["truoc ngay 15/11/2024"] = DueRule.OneOff(15, 11, 2024),
        ["TRƯỚC NGÀY 15/11/2024"] = DueRule.OneOff(15, 11, 2024),
        ["trước ngày 15/11"] = DueRule.OneOff(15, 11, null),
        ["trước 15/11"] = DueRule.OneOff(15, 11, null),
        ["trước ngày 15 tháng 11 hằng năm"] = DueRule.Yearly(15, 11),
        ["trước ngày 15 tháng 11 hàng năm"] = DueRule.Yearly(15, 11),
        ["định kỳ hằng năm trước ngày 15 tháng 11"] = DueRule.Yearly(15, 11),
        ["hàng năm, trước ngày 15/11"] = DueRule.Yearly(15, 11),
        ["hằng năm"] = DueRule.Yearly(),
        ["hằng quý, trước ngày 20 của tháng cuối quý"] = DueRule.Quarterly(20, 3),
        ["định kỳ hằng quý trước ngày 10 của tháng đầu quý sau"] = DueRule.Quarterly(10, 4),
        ["hằng quý"] = DueRule.Quarterly(),
        ["6 tháng đầu năm, trước ngày 15 tháng 6"] = DueRule.SemiAnnual(15, 6),
        ["định kỳ 6 tháng"] = DueRule.SemiAnnual(),
        ["sáu tháng đầu năm"] = DueRule.SemiAnnual(),
        ["hằng tháng, trước ngày 25"] = DueRule.Monthly(25, 1),
        ["trước ngày 25 hằng tháng"] = DueRule.Monthly(25, 1),
        ["trước ngày 05 của tháng sau"] = DueRule.Monthly(5, 2),
        ["hằng tuần"] = DueRule.Weekly(),
        ["định kỳ"] = DueRule.Periodic(),
        ["trong tháng 12/2024"] = DueRule.EndOfMonth(12, 2024),
        ["trong quý IV/2024"] = DueRule.OneOff(31, 12, 2024),

        // Gaps found by an audit of the forms real directives use.
        ["trước ngày 15.11"] = DueRule.OneOff(15, 11, null),
        ["trước ngày 15.11 hằng năm"] = DueRule.Yearly(15, 11),
        ["trước ngày 15 tháng 11"] = DueRule.OneOff(15, 11, null),
        ["trước ngày 15-11"] = DueRule.OneOff(15, 11, null),
        ["trước ngày 15/11/24"] = DueRule.OneOff(15, 11, 2024),
        ["chậm nhất ngày 15.11.24"] = DueRule.OneOff(15, 11, 2024),
        ["ngày 10/01/2027"] = DueRule.OneOff(10, 1, 2027),
        ["ngày 10 tháng 01 năm 2027"] = DueRule.OneOff(10, 1, 2027),
        ["trước ngày 15/6 và 15/12 hằng năm"] = DueRule.SemiAnnual(15, 6),
        ["trước ngày 20 tháng 6 và 20 tháng 12 hằng năm"] = DueRule.SemiAnnual(20, 6),
        ["vào ngày 15 tháng 6 và ngày 15 tháng 12 hàng năm"] = DueRule.SemiAnnual(15, 6),
        ["trước ngày 15/6 và 15/12"] = DueRule.SemiAnnual(15, 6),
        ["chậm nhất 15/11/2024"] = DueRule.OneOff(15, 11, 2024),
        ["không quá ngày 15/11/2024"] = DueRule.OneOff(15, 11, 2024),
        ["hạn cuối ngày 15/11/2024"] = DueRule.OneOff(15, 11, 2024),
        ["hạn cuối: 15/11/2024"] = DueRule.OneOff(15, 11, 2024),
    };

    public static TheoryData<string> Forms() => [.. Expected.Keys];

    [Theory]
    [MemberData(nameof(Forms))]
    public void Form_GivesItsRule_WithASpanOnThePhrase(string phrase)
    {
        var expected = Expected[phrase];
        var draft = Draft(phrase);
        var due = Assert.Single(draft.Items[0].Deadlines);

        Assert.Equal(expected, due.Value);
        Assert.InRange(due.Confidence, 0.5, 1);
        // The span lies inside the phrase the test wrote (it may leave out a comma or "ngày").
        var phraseStart = draft.Text.IndexOf(phrase, StringComparison.Ordinal);
        Assert.InRange(due.Span.Start, phraseStart, phraseStart + phrase.Length - 1);
        Assert.InRange(due.Span.End, due.Span.Start + 1, phraseStart + phrase.Length);
        Assert.Equal(due.Value, draft.Items[0].Reports.Single().Due!.Value);
        Assert.Empty(draft.Items[1].Deadlines);
    }

    [Theory]
    [InlineData("theo Quyết định số 02/2020/QĐ-UBND ngày 08/01/2020 của UBND tỉnh")]
    [InlineData("theo Chỉ thị số 33/CT-TTg ngày 26 tháng 11 năm 2021")]
    [InlineData("theo quy định")]
    [InlineData("giai đoạn 2021-2026")]
    [InlineData("kết quả thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2027")] // the verb owes the report, the date is the plan's
    [InlineData("kết quả từ ngày 15/11/2023 đến ngày 14/11/2024")] // a period, not a deadline
    [InlineData("số liệu tính từ ngày 15/11 năm trước đến ngày 14/11")]
    [InlineData("qua số điện thoại 024.38240101")]
    [InlineData("theo tỷ lệ 2.5")]
    public void CitedDatesAndLookalikes_AreNotDeadlines(string phrase)
    {
        Assert.Empty(Draft(phrase).Items[0].Deadlines);
    }

    [Theory]
    [InlineData("trước ngày 31/02/2024")]
    [InlineData("trước ngày 32/12/2024")]
    [InlineData("trước ngày 15/13/2024")]
    [InlineData("trước ngày 31/02/2026")]
    [InlineData("trước ngày 32/13")]
    [InlineData("trước ngày 31.02")]
    [InlineData("trước ngày 30/02/26")]
    [InlineData("trước ngày 00/00/2026")]
    public void ImpossibleDates_AreLeftOut(string phrase)
    {
        Assert.Empty(Draft(phrase).Items[0].Deadlines);
    }

    [Fact]
    public void ImpossibleFirstDate_MakesNoSixMonthlyRule()
    {
        var deadlines = Draft("trước ngày 31/6 và 31/12 hằng năm").Items[0].Deadlines;

        Assert.DoesNotContain(deadlines, d => d.Value.Kind == DueRuleKind.SemiAnnual || d.Value.Month == 6);
    }

    [Fact]
    public void BareDate_IsLessCertainThanACuedOne()
    {
        var bare = Assert.Single(Draft("ngày 10/01/2027").Items[0].Deadlines);
        var cued = Assert.Single(Draft("trước ngày 10/01/2027").Items[0].Deadlines);

        Assert.True(bare.Confidence < cued.Confidence);
        Assert.Equal(bare.Value, cued.Value);
    }

    [Fact]
    public void EventDate_AtTheStartOfASentence_IsNoDeadline()
    {
        var draft = Fixtures.Extract(
            "CÔNG VĂN\n\nỦy ban nhân dân tỉnh yêu cầu các sở thực hiện các nội dung sau:\n\n" +
            "1. Ngày 10/01/2027, Sở Nội vụ đã tổ chức hội nghị; các sở gửi ý kiến về Sở Nội vụ.\n\n2. Các sở thực hiện nghiêm túc.\n");

        Assert.Empty(draft.Items[0].Deadlines);
    }

    [Fact]
    public void Describe_SaysTheRuleInVietnamese()
    {
        Assert.Equal("trước ngày 15 tháng 11 hằng năm", DueRule.Yearly(15, 11).Describe());
        Assert.Equal("trước ngày 20 của tháng cuối quý (hằng quý)", DueRule.Quarterly(20, 3).Describe());
        Assert.Equal("trước ngày 15/11/2024", DueRule.OneOff(15, 11, 2024).Describe());
        Assert.Equal("định kỳ (chưa rõ thời hạn)", DueRule.Periodic().Describe());
    }
}
