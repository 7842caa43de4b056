using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Progress;

namespace DanVan.Plugins.Tasks.Api;

/// <summary>
/// The gRPC statuses the Tasks API answers with, Vietnamese messages for the officer: a refused domain
/// operation (<see cref="TasksException"/>) by its kind, with the offending field in a BadRequest for
/// INVALID_ARGUMENT; the e-office's own refusals passed on; the e-office unreachable as UNAVAILABLE.
/// </summary>
internal static class ApiErrors
{
    public static RpcException From(TasksException ex) => ex.Error switch
    {
        TasksError.NotFound => new RpcException(new Status(StatusCode.NotFound, ex.Message)),
        TasksError.PermissionDenied => new RpcException(new Status(StatusCode.PermissionDenied, ex.Message)),
        TasksError.InvalidArgument => RichStatus.InvalidArgument(ex.Message, (WireField(ex.Field), ex.Message)),
        TasksError.FailedPrecondition => new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message)),
        TasksError.Conflict => new RpcException(new Status(StatusCode.Aborted, ex.Message)),
        _ => new RpcException(new Status(StatusCode.Internal, ex.Message)),
    };

    // The domain names a few inputs as the tabs' forms do; the API reports the proto field.
    private static string WireField(string? field) => field switch
    {
        null => string.Empty,
        "new_due" => "new_due_date",
        _ => field,
    };

    public static RpcException Invalid(string field, string message) => RichStatus.InvalidArgument(message, (field, message));

    public static RpcException Denied(string message) => new(new Status(StatusCode.PermissionDenied, message));

    public static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, message));

    /// <summary>What the e-office answered when asked for a document or the directory, as the officer should read it.</summary>
    public static RpcException FromHost(RpcException ex, string documentId) => ex.StatusCode switch
    {
        StatusCode.NotFound => NotFound($"Không tìm thấy văn bản “{documentId}” trong hệ thống quản lý văn bản."),
        StatusCode.PermissionDenied => Denied("Bạn không có quyền xem văn bản này nên không thể xem hay tạo nhiệm vụ của nó."),
        StatusCode.InvalidArgument => Invalid("document_id", $"Mã văn bản “{documentId}” không hợp lệ."),
        StatusCode.Cancelled or StatusCode.DeadlineExceeded => ex,
        _ => Unavailable(),
    };

    public static RpcException Unavailable() =>
        new(new Status(StatusCode.Unavailable, "Chưa kết nối được hệ thống quản lý văn bản. Vui lòng thử lại sau ít phút."));
}
