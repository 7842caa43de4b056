namespace DanVan.Plugins.Data;

/// <summary>One row of the append-only audit log: a change to one record.</summary>
public sealed class AuditEntry
{
    /// <summary>Increasing id; later changes have larger ids.</summary>
    public required long Id { get; init; }

    /// <summary>The record's table name (as in <see cref="RecordAttribute.Table"/>).</summary>
    public required string RecordType { get; init; }

    /// <summary>The record's key, as text.</summary>
    public required string RecordId { get; init; }

    /// <summary><c>insert</c>, <c>update</c> or <c>delete</c>.</summary>
    public required string Action { get; init; }

    /// <summary>Who made the change.</summary>
    public required string ActorUserId { get; init; }

    /// <summary>The unit of who made the change.</summary>
    public required string ActorUnitId { get; init; }

    /// <summary>When, from the runtime's clock (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The stored columns before the change as a JSON object; null for inserts.</summary>
    public string? OldJson { get; init; }

    /// <summary>The stored columns after the change as a JSON object; null for deletes.</summary>
    public string? NewJson { get; init; }

    /// <summary>The reason given, or null.</summary>
    public string? Reason { get; init; }
}
