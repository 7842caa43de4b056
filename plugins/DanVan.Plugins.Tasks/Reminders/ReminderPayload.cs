namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// What a reminder job carries: which assignment, which reminder, and the due date it was scheduled
/// for — so a job finding the date moved (an approved extension) knows it is stale.
/// </summary>
internal sealed record ReminderPayload(Guid AssignmentId, ReminderKind Kind, DateOnly DueDate);
