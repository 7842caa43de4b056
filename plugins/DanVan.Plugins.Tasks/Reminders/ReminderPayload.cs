namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>What a reminder job carries: which assignment, which reminder.</summary>
internal sealed record ReminderPayload(Guid AssignmentId, ReminderKind Kind);
