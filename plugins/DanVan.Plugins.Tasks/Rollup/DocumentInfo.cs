namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>A task's directive as the tasks cite it (code and title are the same on all of a directive's tasks).</summary>
internal sealed class DocumentInfo
{
    public Guid Id { get; set; }

    public string DocumentId { get; set; } = "";

    public string DocumentCode { get; set; } = "";

    public string DocumentTitle { get; set; } = "";
}
