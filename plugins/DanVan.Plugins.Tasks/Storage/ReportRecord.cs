using DanVan.Plugins.Data;

namespace DanVan.Plugins.Tasks.Storage;

/// <summary>
/// A unit's progress report on one assignment: text, percent done, evidence (JSON list of
/// {kind, reference, title}: e-office documents, their attachments, or http(s) links), and the
/// managing unit's decision. Version guards against a decision made on a stale screen.
/// </summary>
[Record("reports")]
public sealed class ReportRecord
{
    [Key]
    public Guid Id { get; set; }

    public Guid AssignmentId { get; set; }

    public string Text { get; set; } = "";

    public int Percent { get; set; }

    /// <summary>The evidence as JSON: [{"kind":"Document","reference":"vb-…","title":"…"}, …].</summary>
    public string Evidence { get; set; } = "[]";

    public string SubmittedBy { get; set; } = "";

    public string SubmittedUnitId { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public ReportState State { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewReason { get; set; }

    [ConcurrencyVersion]
    public long Version { get; set; }
}
