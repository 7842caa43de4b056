using System.Globalization;

namespace DanVan.Plugins.Tasks.Reminders;

/// <summary>
/// The keys of an assignment's reminders: the job's (unique within the plugin) and the notification's
/// idempotency key (unique at the host). Both name the due date, so a moved date gets new reminders
/// while each reminder of one date is scheduled, and shown, once.
/// </summary>
internal static class ReminderKeys
{
    public static string Job(Guid assignmentId, DateOnly due, ReminderKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"reminder:{assignmentId:N}:{due:yyyyMMdd}:{kind}");

    public static string Notification(Guid assignmentId, DateOnly due, ReminderKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{TasksPluginId}:{assignmentId:N}:{due:yyyyMMdd}:{kind}");

    private const string TasksPluginId = "danvan.tasks";
}
