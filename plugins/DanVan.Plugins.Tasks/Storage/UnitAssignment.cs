using DanVan.Plugins.Tasks.Assignments;

namespace DanVan.Plugins.Tasks.Storage;

/// <summary>An assignment with its task and its status as of now.</summary>
internal sealed record UnitAssignment(AssignmentRecord Assignment, TaskRecord Task, AssignmentStatus Status);
