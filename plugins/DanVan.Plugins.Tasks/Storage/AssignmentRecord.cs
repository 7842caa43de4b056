using DanVan.Plugins.Data;

namespace DanVan.Plugins.Tasks.Storage;

/// <summary>
/// One unit's share of a task for one period ("2026", "2026-Q4", …; unique per task, unit and
/// period). Its status (chưa đến hạn, trong hạn, quá hạn, hoàn thành …) is never stored: it is computed
/// from DueDate, CompletedAt and the clock when read. Version guards against stale edits.
/// </summary>
[Record("assignments")]
public sealed class AssignmentRecord
{
    [Key]
    public Guid Id { get; set; }

    public Guid TaskId { get; set; }

    public string UnitId { get; set; } = "";

    public string UnitName { get; set; } = "";

    public string PeriodKey { get; set; } = "";

    public DateOnly? DueDate { get; set; }

    /// <summary>The due date as first assigned, before any approved extension; null until one is approved.</summary>
    public DateOnly? OriginalDueDate { get; set; }

    /// <summary>Percent done as of the latest accepted progress report (0 until one is accepted).</summary>
    public int ProgressPercent { get; set; }

    public AssignmentState State { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    [ConcurrencyVersion]
    public long Version { get; set; }

    /// <summary>The task, filled by IncludeOne only.</summary>
    public TaskRecord? Task { get; set; }
}
