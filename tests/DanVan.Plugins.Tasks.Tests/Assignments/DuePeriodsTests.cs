using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Extraction;

namespace DanVan.Plugins.Tasks.Tests.Assignments;

public sealed class DuePeriodsTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    [Fact]
    public void Yearly_Seed001_ThisYearAndNext_On15November()
    {
        var periods = DuePeriods.Plan(DueRule.Yearly(15, 11), new DateOnly(2026, 11, 1));

        Assert.Equal([new DuePeriod("2026", new DateOnly(2026, 11, 15)), new DuePeriod("2027", new DateOnly(2027, 11, 15))], periods);
    }

    [Fact]
    public void Yearly_ConfirmedAfterThisYearsDate_StartsWithNextYear_NothingOverdueOnTheDayItIsCreated()
    {
        Assert.Equal([new DuePeriod("2027", new DateOnly(2027, 11, 15))], DuePeriods.Plan(DueRule.Yearly(15, 11), new DateOnly(2026, 12, 5)));
        Assert.Equal([new DuePeriod("2026", new DateOnly(2026, 11, 15)), new DuePeriod("2027", new DateOnly(2027, 11, 15))], DuePeriods.Plan(DueRule.Yearly(15, 11), new DateOnly(2026, 11, 15)));
        Assert.Equal([new DuePeriod("2026-12", new DateOnly(2026, 12, 25))], DuePeriods.Plan(DueRule.Monthly(25), new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void OneOff_WithoutYear_AlreadyPast_IsNextYears_ElseThisYears()
    {
        Assert.Equal([new DuePeriod("2027", new DateOnly(2027, 11, 15))], DuePeriods.Plan(DueRule.OneOff(15, 11, null), new DateOnly(2026, 12, 5)));
        Assert.Equal([new DuePeriod("2026", new DateOnly(2026, 12, 20))], DuePeriods.Plan(DueRule.OneOff(20, 12, null), new DateOnly(2026, 12, 5)));
    }

    [Fact]
    public void Yearly_WithoutDate_EndOfYear()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), DuePeriods.Plan(DueRule.Yearly(), Today)[0].Due);
    }

    [Fact]
    public void Quarterly_20thOfTheQuartersLastMonth_Q4ThenQ1NextYear()
    {
        var periods = DuePeriods.Plan(DueRule.Quarterly(20, 3), Today);

        Assert.Equal([new DuePeriod("2026-Q4", new DateOnly(2026, 12, 20)), new DuePeriod("2027-Q1", new DateOnly(2027, 3, 20))], periods);
    }

    [Fact]
    public void Quarterly_FirstMonthOfTheNextQuarter_RollsIntoNextYear()
    {
        var periods = DuePeriods.Plan(DueRule.Quarterly(5, 4), Today);

        Assert.Equal(new DateOnly(2027, 1, 5), periods[0].Due);
        Assert.Equal("2026-Q4", periods[0].Key);
    }

    [Fact]
    public void SemiAnnual_AndMonthly()
    {
        Assert.Equal([new DuePeriod("2026-H2", new DateOnly(2026, 12, 15)), new DuePeriod("2027-H1", new DateOnly(2027, 6, 15))], DuePeriods.Plan(DueRule.SemiAnnual(15, 6), Today));
        Assert.Equal([new DuePeriod("2026-11", new DateOnly(2026, 11, 25)), new DuePeriod("2026-12", new DateOnly(2026, 12, 25))], DuePeriods.Plan(DueRule.Monthly(25), Today));
        Assert.Equal(new DateOnly(2026, 12, 5), DuePeriods.Plan(DueRule.Monthly(5, 2), Today)[0].Due);
    }

    [Fact]
    public void OneOff_OnePeriod_EndOfMonthWithoutDay_AndNoRuleIsOnceWithoutDate()
    {
        Assert.Equal([new DuePeriod("2023", new DateOnly(2023, 11, 30))], DuePeriods.Plan(DueRule.EndOfMonth(11, 2023), Today));
        Assert.Equal([new DuePeriod("2026", new DateOnly(2026, 2, 28))], DuePeriods.Plan(DueRule.OneOff(31, 2, 2026), Today));
        Assert.Equal([new DuePeriod(DuePeriods.OnceKey, null)], DuePeriods.Plan(null, Today));
        Assert.Equal([new DuePeriod("2026", null)], DuePeriods.Plan(DueRule.Periodic(), Today));
    }
}
