namespace DanVan.Plugins.Tasks.Progress;

/// <summary>Why a Tasks operation was refused; the gRPC API maps each to the status code of the same name.</summary>
internal enum TasksError
{
    NotFound = 0,
    PermissionDenied = 1,
    InvalidArgument = 2,
    FailedPrecondition = 3,
    Conflict = 4,
}
