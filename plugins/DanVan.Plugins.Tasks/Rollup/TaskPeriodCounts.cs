namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>One task's sums in one period.</summary>
internal sealed class TaskPeriodCounts : CountSums
{
    public Guid TaskId { get; set; }

    public string PeriodKey { get; set; } = "";
}
