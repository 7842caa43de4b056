using DanVan.Plugins.Data;

namespace DanVan.Plugins.Tasks.Storage;

/// <summary>
/// A task created from one item of a directive (its legal basis), as the officer confirmed it. One per
/// document and item path (unique), so confirming twice creates nothing new. The due rule is kept as
/// a rule (kind, day, month, month in period) and in words; dates live on the assignments.
/// </summary>
[Record("tasks")]
public sealed class TaskRecord
{
    [Key]
    public Guid Id { get; set; }

    public string DocumentId { get; set; } = "";

    /// <summary>Số, ký hiệu of the legal basis as printed, e.g. "05/CT-UBND"; empty when it has none.</summary>
    public string DocumentCode { get; set; } = "";

    /// <summary>The legal basis as an officer cites it, e.g. "Chỉ thị số 05/CT-UBND ngày 21/02/2022".</summary>
    public string DocumentTitle { get; set; } = "";

    public string ItemPath { get; set; } = "";

    public string Content { get; set; } = "";

    public string? LeadUnitId { get; set; }

    /// <summary>Co-operating unit ids, comma-separated (no unit id contains a comma).</summary>
    public string CooperatingUnitIds { get; set; } = "";

    /// <summary>The unit that issued the legal basis (the document's issuer); null for tasks confirmed before migration 2 or when the host names none.</summary>
    public string? IssuerUnitId { get; set; }

    public string? ReportToUnitId { get; set; }

    /// <summary>Units following the task (Nơi nhận for information or oversight), comma-separated ids; empty for none.</summary>
    public string FollowerUnitIds { get; set; } = "";

    public string? ReportViaUnitId { get; set; }

    public string DueRuleText { get; set; } = "";

    /// <summary>The DueRuleKind name, or null when the document states no deadline.</summary>
    public string? DueKind { get; set; }

    public int? DueDay { get; set; }

    public int? DueMonth { get; set; }

    public int? DuePeriodMonth { get; set; }

    public string CreatedBy { get; set; } = "";

    public string CreatedByUnit { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    [ConcurrencyVersion]
    public long Version { get; set; }
}
