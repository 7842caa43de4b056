using DanVan.Plugins.Tasks.Assignments;

namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>How many assignments are in each status, and the completion rate (completed, on time or late, over all).</summary>
internal sealed class StatusCounts
{
    private readonly long[] counts = new long[5];

    public long NotDue => counts[(int)AssignmentStatus.NotDue];

    public long DueSoon => counts[(int)AssignmentStatus.DueSoon];

    public long Overdue => counts[(int)AssignmentStatus.Overdue];

    public long CompletedOnTime => counts[(int)AssignmentStatus.CompletedOnTime];

    public long CompletedLate => counts[(int)AssignmentStatus.CompletedLate];

    public long Completed => CompletedOnTime + CompletedLate;

    public long Total => counts.Sum();

    /// <summary>Completed over all, 0..1; null when there is nothing to count.</summary>
    public double? CompletionRate => Total == 0 ? null : (double)Completed / Total;

    /// <summary>The statuses in the order the tables show them.</summary>
    public static IReadOnlyList<AssignmentStatus> Order { get; } =
        [AssignmentStatus.NotDue, AssignmentStatus.DueSoon, AssignmentStatus.Overdue, AssignmentStatus.CompletedOnTime, AssignmentStatus.CompletedLate];

    public long this[AssignmentStatus status] => counts[(int)status];

    public void Add(AssignmentStatus status, long count) => counts[(int)status] += count;

    public void Add(StatusCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += other.counts[i];
        }
    }
}
