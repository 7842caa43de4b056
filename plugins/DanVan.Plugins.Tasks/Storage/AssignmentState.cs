namespace DanVan.Plugins.Tasks.Storage;

/// <summary>What is stored about an assignment's progress; the status words are computed from it and the clock.</summary>
public enum AssignmentState
{
    Open = 0,
    Completed = 1,
}
