using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Assignments;

public sealed class AssignmentStatusesTests
{
    private static readonly DateOnly Due = new(2026, 11, 15);

    [Theory]
    [InlineData("2026-11-01", "chưa đến hạn")]
    [InlineData("2026-11-08", "trong hạn")]
    [InlineData("2026-11-15", "trong hạn")]
    [InlineData("2026-11-16", "quá hạn")]
    public void Open_ByToday(string today, string expected)
    {
        Assert.Equal(expected, AssignmentStatuses.Label(AssignmentStatuses.Compute(Due, null, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Completed_OnOrBeforeTheDueDayInVietnam_IsOnTime_EvenIfLateUtc()
    {
        // 15/11 23:30 in Hà Nội is 15/11 16:30 UTC; 16/11 00:30 in Hà Nội is still 15/11 UTC.
        var lastMinute = new DateTimeOffset(2026, 11, 15, 16, 30, 0, TimeSpan.Zero);
        var afterMidnight = new DateTimeOffset(2026, 11, 15, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal(AssignmentStatus.CompletedOnTime, AssignmentStatuses.Compute(Due, lastMinute, new DateOnly(2027, 1, 1)));
        Assert.Equal(AssignmentStatus.CompletedLate, AssignmentStatuses.Compute(Due, afterMidnight, new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Today_IsVietnamsDate()
    {
        Assert.Equal(new DateOnly(2026, 11, 22), AssignmentStatuses.Today(new FixedClock(new DateTimeOffset(2026, 11, 21, 18, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Labels_AreTheGovernmentsWords()
    {
        Assert.Equal(["chưa đến hạn", "trong hạn", "quá hạn", "hoàn thành đúng hạn", "hoàn thành quá hạn"],
            Enum.GetValues<AssignmentStatus>().Select(AssignmentStatuses.Label));
    }

    [Fact]
    public void NoDueDate_IsNotDue_UntilCompleted()
    {
        Assert.Equal(AssignmentStatus.NotDue, AssignmentStatuses.Compute(null, null, new DateOnly(2030, 1, 1)));
        Assert.Equal(AssignmentStatus.CompletedOnTime, AssignmentStatuses.Compute(null, DateTimeOffset.UnixEpoch, new DateOnly(2030, 1, 1)));
    }
}
