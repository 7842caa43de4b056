namespace DanVan.Plugins.Tasks.Progress;

/// <summary>A task of a document with the assignments the officer may see, and whether the officer manages it (accepts reports, decides extensions).</summary>
internal sealed record TaskProgress(Storage.TaskRecord Task, bool CanManage, IReadOnlyList<AssignmentProgress> Assignments);
