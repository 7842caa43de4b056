using System.Globalization;

namespace DanVan.Plugins.Jobs.Tests;

public sealed class JobScheduleTests
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    [Fact]
    public void Yearly_15November_CrossesTheYearBoundary()
    {
        var schedule = JobSchedule.Yearly(15, 11, new TimeOnly(8, 0));

        var dues = Chain(schedule, new DateTimeOffset(2026, 11, 15, 8, 0, 0, Vn), 3);

        Assert.Equal(
            [new(2026, 11, 15, 8, 0, 0, Vn), new(2027, 11, 15, 8, 0, 0, Vn), new(2028, 11, 15, 8, 0, 0, Vn)],
            dues);
        Assert.Equal(new DateTimeOffset(2026, 11, 15, 8, 0, 0, Vn), schedule.NextAfter(new DateTimeOffset(2026, 11, 15, 0, 59, 59, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2027, 11, 15, 8, 0, 0, Vn), schedule.NextAfter(new DateTimeOffset(2026, 11, 15, 1, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Yearly_29February_FallsOn28FebruaryOutsideLeapYears()
    {
        var schedule = JobSchedule.Yearly(29, 2, new TimeOnly(7, 30));

        var dues = Chain(schedule, new DateTimeOffset(2027, 3, 1, 0, 0, 0, Vn), 6).Select(d => d.ToString("dd/MM/yyyy HH:mm zzz", CultureInfo.InvariantCulture));

        Assert.Equal(["29/02/2028 07:30 +07:00", "28/02/2029 07:30 +07:00", "28/02/2030 07:30 +07:00", "28/02/2031 07:30 +07:00", "29/02/2032 07:30 +07:00", "28/02/2033 07:30 +07:00"], dues);
    }

    [Fact]
    public void Monthly_31st_UsesTheLastDayOfShortMonths_AcrossTheYear()
    {
        var schedule = JobSchedule.Monthly(31, new TimeOnly(23, 30));

        var dues = Chain(schedule, new DateTimeOffset(2027, 11, 1, 0, 0, 0, Vn), 5).Select(d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));

        Assert.Equal(["30/11/2027", "31/12/2027", "31/01/2028", "29/02/2028", "31/03/2028"], dues);
    }

    [Fact]
    public void Quarterly_FirstMonthOfQuarter()
    {
        var schedule = JobSchedule.Quarterly(5, 1, new TimeOnly(9, 0));

        var dues = Chain(schedule, new DateTimeOffset(2026, 11, 20, 0, 0, 0, Vn), 4).Select(d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));

        Assert.Equal(["05/01/2027", "05/04/2027", "05/07/2027", "05/10/2027"], dues);
    }

    [Fact]
    public void Interval_StaysOnItsGrid()
    {
        var start = new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
        var schedule = JobSchedule.EveryMinutes(15, start);

        Assert.Equal(start, schedule.NextAfter(start.AddDays(-1)));
        Assert.Equal(start.AddMinutes(15), schedule.NextAfter(start));
        Assert.Equal(start.AddMinutes(45), schedule.NextAfter(start.AddMinutes(31)));
    }

    [Fact]
    public void Once_HasNoOccurrenceAfterItsInstant()
    {
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, Vn);

        Assert.Equal(at, JobSchedule.Once(at).NextAfter(at.AddTicks(-1)));
        Assert.Null(JobSchedule.Once(at).NextAfter(at));
    }

    [Theory]
    [InlineData("yearly 15/11 08:00:00 +07:00")]
    [InlineData("quarterly 5/2 09:00:00 +07:00")]
    [InlineData("monthly 31 23:30:00 -03:30")]
    [InlineData("daily 06:00:00 +00:00")]
    [InlineData("every 00:15:00 from 2026-11-21T10:00:00.0000000+00:00")]
    [InlineData("once 2026-12-01T08:00:00.1230000+07:00")]
    public void TextRoundTrips(string text)
    {
        var schedule = JobSchedule.Parse(text);

        Assert.Equal(text, schedule.ToString());
        Assert.Equal(schedule, JobSchedule.Parse(schedule.ToString()));
    }

    [Theory]
    [InlineData("yearly 30/02 08:00:00 +07:00")]
    [InlineData("monthly 0 08:00:00 +07:00")]
    [InlineData("every 00:00:00 from 2026-11-21T10:00:00.0000000+00:00")]
    [InlineData("weekly 1 08:00:00 +07:00")]
    [InlineData("daily 8h +07:00")]
    public void BadText_IsAFormatException(string text) =>
        Assert.Throws<FormatException>(() => JobSchedule.Parse(text));

    private static List<DateTimeOffset> Chain(JobSchedule schedule, DateTimeOffset from, int count)
    {
        var dues = new List<DateTimeOffset>();
        var at = from.AddTicks(-1);
        for (var i = 0; i < count; i++)
        {
            at = schedule.NextAfter(at)!.Value;
            dues.Add(at);
        }

        return dues;
    }
}
