using DanVan.Plugins.Tasks.Assignments;

namespace DanVan.Plugins.Tasks.Review;

/// <summary>
/// Applies the officer's edits to the planned tasks: new content; a new lead replaces the old one
/// among the assigned units; co-operating units replaced as a whole; a new date replaces the due
/// rule with that one date (one period).
/// </summary>
internal static class DraftEditor
{
    public static IReadOnlyList<PlannedTask> Apply(IReadOnlyList<PlannedTask> plan, IReadOnlyList<ItemEdit> edits, DateOnly today)
    {
        var byPath = edits.ToDictionary(e => e.ItemPath, StringComparer.Ordinal);
        return [.. plan.Select(task => byPath.TryGetValue(task.ItemPath, out var edit) ? Apply(task, edit, today) : task)];
    }

    private static PlannedTask Apply(PlannedTask task, ItemEdit edit, DateOnly today)
    {
        var units = task.Units;
        if (edit.Lead is { } lead)
        {
            units = [lead, .. task.Units.Where(u => u.Id != lead.Id && u.Id != task.Lead?.Id)];
        }

        var due = edit.Due ?? task.Due;
        return task with
        {
            Content = edit.Content ?? task.Content,
            Lead = edit.Lead ?? task.Lead,
            Cooperating = edit.Cooperating ?? task.Cooperating,
            Units = units,
            Due = due,
            Periods = edit.Due is null ? task.Periods : DuePeriods.Plan(due, today),
        };
    }
}
