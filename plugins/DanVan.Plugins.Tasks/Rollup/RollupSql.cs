using System.Globalization;
using System.Text;
using DanVan.Plugins.Data;

namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>
/// The roll-up's SQL. Statuses are counted in the query with the rule of
/// <see cref="Assignments.AssignmentStatuses.Compute"/> (completed: late when the Vietnam day of
/// completion is after the due date; open: overdue after the due date, due soon within N days, else
/// not due), today and today + N being parameters. The counts are grouped by unit (or task and
/// period), state and due date, the leading columns of migration 3's covering indexes, so SQLite
/// streams one index per query without sorting or reading the table; a year filter is a key range
/// ("2026" ≤ key &lt; "2027" holds "2026", "2026-Q4", "2026-11").
/// </summary>
internal sealed class RollupSql
{
    private const string Done = "a.state = 1 AND a.completed_at IS NOT NULL";
    private readonly StringBuilder where = new();
    private readonly string late;
    private readonly string? statusCondition;

    public RollupSql(DataDialect dialect, RollupFilter filter, DateOnly today, int dueSoonDays, IReadOnlyList<string>? unitIds)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // Late: completed at or after 00:00 (UTC+7) of the day after the due date. SQLite keeps instants
        // as "yyyy-MM-ddTHH:mm:ss.fffffffZ" in UTC, so that instant is the text "<due>T17", compared as text
        // (no date function per row); a null due date gives null, i.e. on time, as in Compute.
        late = dialect == DataDialect.Postgres
            ? "a.completed_at >= ((a.due_date + 1)::timestamp - INTERVAL '7 hours') AT TIME ZONE 'UTC'"
            : "a.completed_at >= a.due_date || 'T17'";
        Status = $"CASE WHEN {Done} THEN (CASE WHEN {late} THEN 4 ELSE 3 END) "
            + "WHEN a.due_date IS NULL THEN 0 WHEN a.due_date < @today THEN 2 WHEN a.due_date <= @soon THEN 1 ELSE 0 END";
        Parameters["today"] = today;
        Parameters["soon"] = today.AddDays(dueSoonDays);
        var c = CultureInfo.InvariantCulture;
        if (filter.Year is { } year)
        {
            And("a.period_key >= @year_from AND a.period_key < @year_to");
            Parameters["year_from"] = year.ToString(c);
            Parameters["year_to"] = (year + 1).ToString(c);
        }

        if (!string.IsNullOrEmpty(filter.PeriodKey))
        {
            And("a.period_key = @period");
            Parameters["period"] = filter.PeriodKey;
        }

        if (!string.IsNullOrEmpty(filter.DocumentId))
        {
            And("a.task_id IN (SELECT t.id FROM {table:tasks} t WHERE t.document_id = @document)");
            Parameters["document"] = filter.DocumentId;
        }

        if (filter.Status is { } status)
        {
            // Only the detail list filters rows by status in SQL; the counts come back per status and are filtered as they are added.
            statusCondition = $"({Status}) = @status";
            Parameters["status"] = (int)status;
        }

        if (unitIds is not null)
        {
            // The subtree's units and the dissolved units whose work it carries; an empty list selects nothing.
            var names = new List<string>();
            for (var i = 0; i < unitIds.Count; i++)
            {
                var name = "u" + i.ToString(c);
                names.Add("@" + name);
                Parameters[name] = unitIds[i];
            }

            And(names.Count == 0 ? "1 = 0" : $"a.unit_id IN ({string.Join(", ", names)})");
        }
    }

    /// <summary>The status expression (0..4, the AssignmentStatus values) over assignment alias <c>a</c>.</summary>
    public string Status { get; }

    public Dictionary<string, object?> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts per unit as stored, state and due date (rows of <see cref="UnitCounts"/>).</summary>
    public string ByUnit() =>
        $"SELECT a.unit_id AS unit_id, {Sums} FROM {{table:assignments}} a{Where} GROUP BY a.unit_id, a.state, a.due_date";

    /// <summary>Counts per task, period, state and due date (rows of <see cref="TaskPeriodCounts"/>): directives and periods both come from these.</summary>
    public string ByTaskAndPeriod() =>
        $"SELECT a.task_id AS task_id, a.period_key AS period_key, {Sums} FROM {{table:assignments}} a{Where} GROUP BY a.task_id, a.period_key, a.state, a.due_date";

    /// <summary>One row per assignment with its task, in unit, directive, item and period order, at most @limit.</summary>
    public string Detail(int limit)
    {
        Parameters["limit"] = limit;
        return "SELECT a.id AS id, a.unit_id AS unit_id, a.unit_name AS unit_name, t.document_id AS document_id, t.document_code AS document_code, "
            + "t.document_title AS document_title, t.item_path AS item_path, t.content AS content, a.period_key AS period_key, a.due_date AS due_date, "
            + $"a.state AS state, a.completed_at AS completed_at, {Status} AS status FROM {{table:assignments}} a JOIN {{table:tasks}} t ON t.id = a.task_id{DetailWhere} "
            + "ORDER BY a.unit_id, t.document_id, t.item_path, a.period_key LIMIT @limit";
    }

    // Grouped by state and due date, a group's open rows all have one status (from the due date, in
    // CountSums); only completion needs a per-row test. The GROUP BY follows migration 3's indexes.
    private string Sums =>
        "a.state AS state, a.due_date AS due_date, COUNT(*) AS total, COUNT(a.completed_at) AS completed, "
        + $"SUM(CASE WHEN a.state = 1 AND {late} THEN 1 ELSE 0 END) AS completed_late";

    private string Where => where.Length == 0 ? string.Empty : " WHERE " + where;

    private string DetailWhere => statusCondition is null ? Where : Where.Length == 0 ? " WHERE " + statusCondition : Where + " AND " + statusCondition;

    private void And(string condition)
    {
        if (where.Length > 0)
        {
            where.Append(" AND ");
        }

        where.Append(condition);
    }
}
