namespace DanVan.Plugins.Runtime.Management;

/// <summary>
/// The order plugins start in at start-up: every plugin after the plugins it requires (ties by
/// id), so a plugin whose dependency sorts later by id is not refused for starting too early.
/// Plugins whose required dependencies form a cycle cannot start at all and are refused with the
/// cycle named; a required dependency that is not among the plugins starting is left to the
/// manager's dependency check, which refuses with its own reason.
/// </summary>
internal static class StartOrder
{
    public static (IReadOnlyList<PluginManifest> Ordered, IReadOnlyDictionary<string, string> Refused) Sort(IEnumerable<PluginManifest> plugins)
    {
        var byId = plugins.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var needs = byId.Values.ToDictionary(
            p => p.Id,
            p => p.Dependencies.Where(d => !d.Optional && byId.ContainsKey(d.Id) && d.Id != p.Id).Select(d => d.Id).Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
        var ordered = new List<PluginManifest>();
        var started = new HashSet<string>(StringComparer.Ordinal);
        var waiting = new SortedSet<string>(byId.Keys, StringComparer.Ordinal);
        while (waiting.FirstOrDefault(id => needs[id].All(started.Contains)) is { } ready)
        {
            waiting.Remove(ready);
            started.Add(ready);
            ordered.Add(byId[ready]);
        }

        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in waiting)
        {
            var cycle = FindCycle(id, needs, waiting);
            var manifest = byId[id];
            refused[id] = cycle is not null
                ? $"Plugin '{id}' {manifest.Version} không thể khởi động: phụ thuộc bắt buộc tạo thành vòng {string.Join(" → ", cycle)}. / "
                    + $"Plugin '{id}' {manifest.Version} cannot start: its required dependencies form a cycle {string.Join(" → ", cycle)}."
                : $"Plugin '{id}' {manifest.Version} không thể khởi động: nó cần {string.Join(", ", needs[id].Where(waiting.Contains).Select(d => $"'{d}'"))}, vốn không khởi động được vì vòng phụ thuộc. / "
                    + $"Plugin '{id}' {manifest.Version} cannot start: it needs {string.Join(", ", needs[id].Where(waiting.Contains).Select(d => $"'{d}'"))}, which cannot start because of a dependency cycle.";
        }

        return (ordered, refused);
    }

    // A path id → … → id through plugins that could not start, or null when id only depends on such a cycle.
    private static List<string>? FindCycle(string id, Dictionary<string, List<string>> needs, SortedSet<string> waiting)
    {
        var path = new List<string> { id };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Walk(id);

        List<string>? Walk(string current)
        {
            foreach (var next in needs[current].Where(waiting.Contains).Order(StringComparer.Ordinal))
            {
                if (next == id)
                {
                    return [.. path, id];
                }

                if (seen.Add(next))
                {
                    path.Add(next);
                    if (Walk(next) is { } found)
                    {
                        return found;
                    }

                    path.RemoveAt(path.Count - 1);
                }
            }

            return null;
        }
    }
}
