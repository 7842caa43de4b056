using System.Globalization;

namespace DanVan.Plugins.Tasks;

/// <summary>
/// The plugin's settings (manifest "settings"): how many days before the due date an assignment counts
/// as "trong hạn" (due soon), and how many days before it the unit is reminded.
/// </summary>
internal sealed record TasksOptions(int DueSoonDays, int ReminderDaysBefore = TasksOptions.DefaultReminderDaysBefore)
{
    public const int DefaultReminderDaysBefore = 3;

    public static TasksOptions From(PluginContext context) => new(
        Read(context, "dueSoonDays", 1, 60, Assignments.AssignmentStatuses.DefaultDueSoonDays),
        Read(context, "reminderDaysBefore", 1, 60, DefaultReminderDaysBefore));

    private static int Read(PluginContext context, string name, int min, int max, int fallback) =>
        int.TryParse(context.Settings[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : fallback;
}
