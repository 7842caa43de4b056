using System.Globalization;

namespace DanVan.Plugins.Tasks;

/// <summary>The plugin's settings (manifest "settings"): how many days before the due date an assignment counts as "trong hạn" (due soon).</summary>
internal sealed record TasksOptions(int DueSoonDays)
{
    public static TasksOptions From(PluginContext context) =>
        new(int.TryParse(context.Settings["dueSoonDays"], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 60
            ? days
            : Assignments.AssignmentStatuses.DefaultDueSoonDays);
}
