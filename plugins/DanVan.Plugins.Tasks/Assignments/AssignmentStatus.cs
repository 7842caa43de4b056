namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>An assignment's status in the government's own words; computed from the clock when read, never stored.</summary>
internal enum AssignmentStatus
{
    NotDue,          // chưa đến hạn
    DueSoon,         // trong hạn: due within the next N days (default 7)
    Overdue,         // quá hạn
    CompletedOnTime, // hoàn thành đúng hạn
    CompletedLate,   // hoàn thành quá hạn
}
