namespace DanVan.Plugins.Tasks.Progress;

/// <summary>
/// A refused Tasks operation. <see cref="Exception.Message"/> is Vietnamese and shown to the officer
/// as is; <see cref="Field"/> names the offending input (the API puts it in a BadRequest field violation).
/// Nothing was saved when this is thrown.
/// </summary>
internal sealed class TasksException(TasksError error, string message, string? field = null) : Exception(message)
{
    public TasksError Error { get; } = error;

    public string? Field { get; } = field;
}
