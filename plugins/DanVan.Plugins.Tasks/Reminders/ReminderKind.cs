namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>The three reminders of an assignment: N days before its due date, on it, and the day after when still open (escalation).</summary>
internal enum ReminderKind
{
    BeforeDue,
    OnDue,
    Overdue,
}
