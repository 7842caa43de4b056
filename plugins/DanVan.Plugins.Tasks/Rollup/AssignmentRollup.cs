using DanVan.Plugins.Data;
using DanVan.Plugins.Tasks.Assignments;

namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>
/// Rolls assignments up by unit, directive, period and status for a filter. The database counts
/// (statuses computed in SQL from the clock, see <see cref="RollupSql"/>), per unit and per task and period; this class then follows the
/// org tree: dissolved units' counts move to their successors, and each unit's row adds up
/// everything below it.
/// </summary>
internal sealed class AssignmentRollup(IPluginData data, IOrgTreeSource trees, TasksOptions options, TimeProvider time)
{
    /// <summary>The most assignments one detail list (or export sheet) carries; narrower filters show the rest.</summary>
    public const int DetailLimit = 100_000;
    private const int MaxDepth = 32;

    public async Task<RollupResult> RollUpAsync(RollupFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var tree = await trees.GetAsync(cancellationToken).ConfigureAwait(false);
        var today = AssignmentStatuses.Today(time);
        var sql = new RollupSql(data.Dialect, filter, today, options.DueSoonDays, filter.UnitId is { } root ? UnitsWithin(tree, root) : null);
        // The two counts scan different indexes on their own connections (readers do not block each other).
        var unitsQuery = data.QueryAsync<UnitCounts>(sql.ByUnit(), sql.Parameters, cancellationToken);
        var taskPeriodsQuery = data.QueryAsync<TaskPeriodCounts>(sql.ByTaskAndPeriod(), sql.Parameters, cancellationToken);
        var tasksQuery = data.QueryAsync<DocumentInfo>("SELECT id, document_id, document_code, document_title FROM {table:tasks}", cancellationToken: cancellationToken);
        await Task.WhenAll(unitsQuery, taskPeriodsQuery, tasksQuery).ConfigureAwait(false);
        var units = await unitsQuery.ConfigureAwait(false);
        var taskPeriods = await taskPeriodsQuery.ConfigureAwait(false);
        var tasks = (await tasksQuery.ConfigureAwait(false)).ToDictionary(d => d.Id);

        var total = new StatusCounts();
        var own = new Dictionary<string, StatusCounts>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            u.AddTo(total, today, options.DueSoonDays, filter.Status);
            u.AddTo(Counts(own, tree.Effective(u.UnitId)), today, options.DueSoonDays, filter.Status);
        }

        var byDocument = new Dictionary<string, StatusCounts>(StringComparer.Ordinal);
        var periodCounts = new SortedDictionary<string, StatusCounts>(StringComparer.Ordinal);
        foreach (var g in taskPeriods)
        {
            g.AddTo(Counts(byDocument, tasks.TryGetValue(g.TaskId, out var task) ? task.DocumentId : string.Empty), today, options.DueSoonDays, filter.Status);
            g.AddTo(Counts(periodCounts, g.PeriodKey), today, options.DueSoonDays, filter.Status);
        }

        var unitLines = await UnitLinesAsync(tree, own, filter.UnitId is { } r ? tree.Effective(r) : null, cancellationToken).ConfigureAwait(false);
        var documents = tasks.Values.GroupBy(t => t.DocumentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var documentLines = byDocument
            .Where(d => d.Value.Total > 0)
            .Select(d => documents.TryGetValue(d.Key, out var info)
                ? new DocumentLine(d.Key, info.DocumentCode, info.DocumentTitle, d.Value)
                : new DocumentLine(d.Key, string.Empty, d.Key, d.Value))
            .OrderBy(d => d.Title, StringComparer.Ordinal)
            .ToList();
        return new RollupResult(
            filter, today, total, unitLines, documentLines, [.. periodCounts.Where(p => p.Value.Total > 0).Select(p => new PeriodLine(p.Key, p.Value))],
            [.. documents.Values.OrderBy(d => d.DocumentTitle, StringComparer.Ordinal)]);
    }

    /// <summary>The assignments the filter selects (at most <paramref name="limit"/>), and whether there were more.</summary>
    public async Task<(IReadOnlyList<AssignmentDetail> Rows, bool Truncated)> DetailAsync(RollupFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var tree = await trees.GetAsync(cancellationToken).ConfigureAwait(false);
        var sql = new RollupSql(data.Dialect, filter, AssignmentStatuses.Today(time), options.DueSoonDays, filter.UnitId is { } root ? UnitsWithin(tree, root) : null);
        var rows = await data.QueryAsync<AssignmentDetail>(sql.Detail(limit + 1), sql.Parameters, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows.Where(r => tree.Knows(tree.Effective(r.UnitId))))
        {
            row.UnitName = tree.NameOf(tree.Effective(row.UnitId), row.UnitName);
        }

        return rows.Count > limit ? ([.. rows.Take(limit)], true) : (rows, false);
    }

    /// <summary>The org tree the roll-up follows (cached briefly).</summary>
    public Task<OrgTree> TreeAsync(CancellationToken cancellationToken) => trees.GetAsync(cancellationToken);

    /// <summary>Every unit id whose assignments count under <paramref name="rootId"/>: its subtree and the dissolved units they succeeded.</summary>
    public static IReadOnlyList<string> UnitsWithin(OrgTree tree, string rootId)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var root = tree.Effective(rootId);
        var ids = new List<string> { rootId };
        if (root != rootId)
        {
            ids.Add(root);
        }

        ids.AddRange(tree.AllIds.Where(id => id != rootId && id != root && tree.IsWithin(id, root)));
        return ids;
    }

    private async Task<IReadOnlyList<UnitLine>> UnitLinesAsync(OrgTree tree, Dictionary<string, StatusCounts> own, string? root, CancellationToken cancellationToken)
    {
        // Each unit's counts go to it and to every unit above it: a row shows its whole subtree.
        var subtree = new Dictionary<string, StatusCounts>(StringComparer.Ordinal);
        foreach (var (unitId, counts) in own)
        {
            string? id = unitId;
            for (var depth = 0; id is not null && depth < MaxDepth; depth++)
            {
                Counts(subtree, id).Add(counts);
                if (id == root)
                {
                    break;
                }

                id = tree.ParentOf(id);
            }
        }

        var lines = new List<UnitLine>();
        var starts = root is not null ? [root] : tree.Roots.Concat(own.Keys.Where(id => !tree.Knows(id)).Order(StringComparer.Ordinal)).ToList();
        var unknownNames = await StoredNamesAsync(own.Where(o => o.Value.Total > 0 && !tree.Knows(o.Key)).Select(o => o.Key).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var start in starts)
        {
            Walk(start, 0);
        }

        return lines;

        void Walk(string id, int depth)
        {
            if (!subtree.TryGetValue(id, out var counts) || counts.Total == 0 || depth >= MaxDepth)
            {
                return;
            }

            var children = tree.ChildrenOf(id);
            lines.Add(new UnitLine(id, tree.NameOf(id, unknownNames.GetValueOrDefault(id)), depth, children.Any(c => subtree.TryGetValue(c, out var below) && below.Total > 0), counts));
            foreach (var child in children)
            {
                Walk(child, depth + 1);
            }
        }
    }

    // Units the directory does not know (no host, or another province's unit): the name stored when the work was assigned.
    private async Task<Dictionary<string, string>> StoredNamesAsync(IReadOnlyList<string> unitIds, CancellationToken cancellationToken)
    {
        if (unitIds.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        var names = new List<string>();
        for (var i = 0; i < unitIds.Count; i++)
        {
            var name = "u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameters[name] = unitIds[i];
            names.Add("@" + name);
        }

        var rows = await data.QueryAsync<StoredUnitName>(
            $"SELECT unit_id, MAX(unit_name) AS unit_name FROM {{table:assignments}} WHERE unit_id IN ({string.Join(", ", names)}) GROUP BY unit_id",
            parameters, cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.UnitId, r => r.UnitName, StringComparer.Ordinal);
    }

    private static StatusCounts Counts<TMap>(TMap map, string key)
        where TMap : IDictionary<string, StatusCounts>
    {
        if (!map.TryGetValue(key, out var counts))
        {
            map[key] = counts = new StatusCounts();
        }

        return counts;
    }
}
