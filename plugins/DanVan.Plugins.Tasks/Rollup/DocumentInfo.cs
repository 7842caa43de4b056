namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>A directive as the tasks cite it (code and title are the same on all of its tasks).</summary>
internal sealed class DocumentInfo
{
    public string DocumentId { get; set; } = "";

    public string DocumentCode { get; set; } = "";

    public string DocumentTitle { get; set; } = "";
}
