using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Tasks.Progress;

/// <summary>An assignment with its task, its status as of now, its reports and extension requests (newest first).</summary>
internal sealed record AssignmentProgress(
    AssignmentRecord Assignment,
    TaskRecord Task,
    AssignmentStatus Status,
    IReadOnlyList<ReportRecord> Reports,
    IReadOnlyList<ExtensionRecord> Extensions)
{
    public ExtensionRecord? PendingExtension => Extensions.FirstOrDefault(e => e.State == ExtensionState.Pending);
}
