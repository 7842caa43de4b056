using DanVan.Plugins.Data;

namespace DanVan.Plugins.Bench.Storage;

/// <summary>A task assignment as the Tasks plugin keeps one (size and types), without audit so both sides write the same rows.</summary>
[Record("assignments", Audited = false)]
public sealed class BenchAssignment
{
    [Key]
    public Guid Id { get; set; }

    public Guid DirectiveId { get; set; }

    public string UnitId { get; set; } = "";

    [Searchable]
    public string Title { get; set; } = "";

    public int Status { get; set; }

    public int Period { get; set; }

    public DateOnly DueDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Progress { get; set; }

    public string? Note { get; set; }

    [ConcurrencyVersion]
    public long Version { get; set; }
}
