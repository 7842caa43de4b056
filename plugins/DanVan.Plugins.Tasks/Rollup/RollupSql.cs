using System.Globalization;
using System.Text;
using DanVan.Plugins.Data;

namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>
/// The roll-up's SQL. The status is computed in the query with the same rule as
/// <see cref="Assignments.AssignmentStatuses.Compute"/> (completed: on time unless the Vietnam day of
/// completion is after the due date; open: overdue after the due date, due soon within N days, else
/// not due), with today and today + N as parameters, so the database counts and only the groups travel.
/// A year filter is a key range ("2026" ≤ key &lt; "2027" holds "2026", "2026-Q4", "2026-11"), which an
/// index on the period key serves.
/// </summary>
internal sealed class RollupSql
{
    private readonly StringBuilder where = new();

    public RollupSql(DataDialect dialect, RollupFilter filter, DateOnly today, int dueSoonDays, IReadOnlyList<string>? unitIds)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var completedDay = dialect == DataDialect.Postgres
            ? "((a.completed_at AT TIME ZONE 'UTC') + INTERVAL '7 hours')::date"
            : "date(a.completed_at, '+7 hours')";
        Status = "CASE WHEN a.state = 1 AND a.completed_at IS NOT NULL THEN "
            + $"(CASE WHEN a.due_date IS NOT NULL AND {completedDay} > a.due_date THEN 4 ELSE 3 END) "
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
            And("t.document_id = @document");
            Parameters["document"] = filter.DocumentId;
        }

        if (filter.Status is { } status)
        {
            And($"({Status}) = @status");
            Parameters["status"] = (int)status;
        }

        if (unitIds is not null)
        {
            // The subtree's units (and the dissolved units whose work it carries); never empty: "no unit" selects nothing.
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

    private const string From = " FROM {table:assignments} a JOIN {table:tasks} t ON t.id = a.task_id";

    /// <summary>Counts per unit (as stored), directive and status.</summary>
    public string ByUnitAndDocument() =>
        $"SELECT a.unit_id AS unit_id, t.document_id AS document_id, {Status} AS status, COUNT(*) AS total{From}{Where} GROUP BY 1, 2, 3";

    /// <summary>Counts per period and status.</summary>
    public string ByPeriod() =>
        $"SELECT a.period_key AS period_key, {Status} AS status, COUNT(*) AS total{From}{Where} GROUP BY 1, 2";

    /// <summary>One row per assignment with its task, in unit, directive, item and period order, at most @limit.</summary>
    public string Detail(int limit)
    {
        Parameters["limit"] = limit;
        return "SELECT a.id AS id, a.unit_id AS unit_id, a.unit_name AS unit_name, t.document_id AS document_id, t.document_code AS document_code, "
            + "t.document_title AS document_title, t.item_path AS item_path, t.content AS content, a.period_key AS period_key, a.due_date AS due_date, "
            + $"a.state AS state, a.completed_at AS completed_at, {Status} AS status{From}{Where} "
            + "ORDER BY a.unit_id, t.document_id, t.item_path, a.period_key LIMIT @limit";
    }

    private string Where => where.Length == 0 ? string.Empty : " WHERE " + where;

    private void And(string condition)
    {
        if (where.Length > 0)
        {
            where.Append(" AND ");
        }

        where.Append(condition);
    }
}
