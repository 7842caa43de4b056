namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>One assignment with its task, for the drill-down list and the export's detail sheet.</summary>
internal sealed class AssignmentDetail
{
    public Guid Id { get; set; }

    public string UnitId { get; set; } = "";

    public string UnitName { get; set; } = "";

    public string DocumentId { get; set; } = "";

    public string DocumentCode { get; set; } = "";

    public string DocumentTitle { get; set; } = "";

    public string ItemPath { get; set; } = "";

    public string Content { get; set; } = "";

    public string PeriodKey { get; set; } = "";

    public DateOnly? DueDate { get; set; }

    public int State { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int Status { get; set; }
}
