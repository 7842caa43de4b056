using DanVan.Plugins.Tasks.Storage;

namespace DanVan.Plugins.Bench.Tasks;

/// <summary>The rows the benchmark loads: tasks, their assignments, and the assignments' reports and extension requests.</summary>
internal sealed record DatasetRows(List<TaskRecord> Tasks, List<AssignmentRecord> Assignments, List<ReportRecord> Reports, List<ExtensionRecord> Extensions);
