namespace DanVan.Plugins.Tasks.Storage;

/// <summary>What a confirmation did: the tasks and assignments it created, and the items that already had a task.</summary>
internal sealed record ConfirmResult(int TasksCreated, int AssignmentsCreated, IReadOnlyList<string> AlreadyCreated);
