using DanVan.Plugins.Data;

namespace DanVan.Plugins.Tasks.Storage;

/// <summary>A unit's request to move an assignment's due date, and the managing unit's decision.</summary>
[Record("extensions")]
public sealed class ExtensionRecord
{
    [Key]
    public Guid Id { get; set; }

    public Guid AssignmentId { get; set; }

    public DateOnly RequestedDue { get; set; }

    public string Reason { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public ExtensionState State { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecisionReason { get; set; }

    [ConcurrencyVersion]
    public long Version { get; set; }
}
