using DanVan.Plugins.Tasks.Assignments;

namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>
/// One roll-up group as the query returns it: assignments of one state and one due date, how many have
/// a completion instant and how many of those were late. Completed ones (state 1 with an instant) are
/// on time or late; the others are open and share one status, from the due date and today.
/// </summary>
internal abstract class CountSums
{
    public int State { get; set; }

    public DateOnly? DueDate { get; set; }

    public long Total { get; set; }

    public long Completed { get; set; }

    public long CompletedLate { get; set; }

    /// <summary>Adds the group to <paramref name="counts"/>, only its <paramref name="only"/> status when given.</summary>
    public void AddTo(StatusCounts counts, DateOnly today, int dueSoonDays, AssignmentStatus? only)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var done = State == 1 ? Completed : 0;
        Add(counts, AssignmentStatus.CompletedLate, State == 1 ? CompletedLate : 0, only);
        Add(counts, AssignmentStatus.CompletedOnTime, done - (State == 1 ? CompletedLate : 0), only);
        Add(counts, AssignmentStatuses.Compute(DueDate, null, today, dueSoonDays), Total - done, only);
    }

    private static void Add(StatusCounts counts, AssignmentStatus status, long count, AssignmentStatus? only)
    {
        if (count > 0 && (only is null || only == status))
        {
            counts.Add(status, count);
        }
    }
}
