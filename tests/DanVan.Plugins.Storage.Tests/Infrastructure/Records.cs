using DanVan.Plugins.Data;

namespace DanVan.Plugins.Storage.Tests.Infrastructure;

public enum AssignmentStatus
{
    New = 0,
    InProgress = 1,
    Done = 2,
    Overdue = 3,
}

[Record("directives")]
public sealed class Directive
{
    [Key]
    public Guid Id { get; set; }

    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    [ConcurrencyVersion]
    public long Version { get; set; }
}

[Record("assignments", ReasonRequired = false)]
public sealed class Assignment
{
    [Key]
    public Guid Id { get; set; }

    public Guid? DirectiveId { get; set; }

    [Searchable]
    public string Title { get; set; } = "";

    public string UnitId { get; set; } = "";

    public AssignmentStatus Status { get; set; }

    public DateOnly? DueDate { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTime? ReportedAt { get; set; }

    public decimal? Score { get; set; }

    public long Sequence { get; set; }

    public int Priority { get; set; }

    [Column("is_key_task")]
    public bool KeyTask { get; set; }

    public string? Note { get; set; }

    [ConcurrencyVersion]
    public long Version { get; set; }

    public List<Report>? Reports { get; set; }

    public Directive? Directive { get; set; }

    [NotStored]
    public string Display => $"{Title} ({UnitId})";
}

/// <summary>Scored reports need a reason for every change.</summary>
[Record("reports", ReasonRequired = true)]
public sealed class Report
{
    [Key]
    public long Id { get; set; }

    public Guid AssignmentId { get; set; }

    public string Body { get; set; } = "";

    [ConcurrencyVersion]
    public long Version { get; set; }
}

[Record("counters", Audited = false)]
public sealed class Counter
{
    [Key]
    public string Name { get; set; } = "";

    public long Value { get; set; }
}

public sealed class StatusCount
{
    public string UnitId { get; set; } = "";

    public AssignmentStatus Status { get; set; }

    public long Total { get; set; }
}

/// <summary>A table with a column type the binary COPY path does not map (CHAR), so PostgreSQL bulk inserts take the text COPY path.</summary>
[Record("codes")]
public sealed class CodeEntry
{
    [Key]
    public string Code { get; set; } = "";

    public string Label { get; set; } = "";

    public DateTimeOffset? At { get; set; }

    public bool Active { get; set; }
}
