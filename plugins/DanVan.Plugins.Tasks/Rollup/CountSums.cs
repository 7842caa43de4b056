namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>The conditional sums of one roll-up group, as the query returns them (not due is the rest).</summary>
internal abstract class CountSums
{
    public long Total { get; set; }

    public long Completed { get; set; }

    public long CompletedLate { get; set; }

    public long Overdue { get; set; }

    public long DueSoon { get; set; }

    public void AddTo(StatusCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        counts.Add(Assignments.AssignmentStatus.CompletedLate, CompletedLate);
        counts.Add(Assignments.AssignmentStatus.CompletedOnTime, Completed - CompletedLate);
        counts.Add(Assignments.AssignmentStatus.Overdue, Overdue);
        counts.Add(Assignments.AssignmentStatus.DueSoon, DueSoon);
        counts.Add(Assignments.AssignmentStatus.NotDue, Total - Completed - Overdue - DueSoon);
    }
}
