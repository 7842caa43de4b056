using DanVan.Plugins.Grpc;

namespace DanVan.Plugins;

/// <summary>
/// The officer a plugin gRPC call acts for. The e-office host names the officer in the request metadata
/// <c>x-danvan-user-id</c> (<see cref="HeaderName"/>); the runtime trusts that name only when the call
/// authenticated as one of its host callers (bearer token of a caller in the runtime's HostCallers), refuses
/// it from any other caller (PERMISSION_DENIED), and records it in the call context, where a plugin's service
/// reads it with <see cref="GetActingUserId"/>. A plugin authorises the call by that officer's units and roles.
/// </summary>
public static class ActingUserCallContextExtensions
{
    /// <summary>The metadata key in which the host names the officer: a danvan.host.v1 User.id.</summary>
    public const string HeaderName = "x-danvan-user-id";

    /// <summary>The longest user id accepted (danvan.host.v1 ids are at most 128 characters).</summary>
    public const int MaxUserIdLength = 128;

    // An object key, not a string, so nothing but SetActingUserId can put a value where GetActingUserId looks.
    private static readonly object Key = new();

    /// <summary>
    /// The officer the authenticated host acts for on this call.
    /// </summary>
    /// <exception cref="RpcException">UNAUTHENTICATED when the call names no officer (or did not pass the runtime's check).</exception>
    public static string GetActingUserId(this ServerCallContext context) =>
        FindActingUserId(context)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, $"Cuộc gọi này cần cán bộ thực hiện: hệ thống quản lý văn bản gửi mã người dùng trong metadata “{HeaderName}” (This call acts for an officer: the e-office host must send {HeaderName})."));

    /// <summary>The officer the authenticated host acts for on this call, or null when the call names none.</summary>
    public static string? FindActingUserId(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserState.TryGetValue(Key, out var user) ? user as string : null;
    }

    /// <summary>Records the officer after checking who called; the runtime does this (and tests of a service without the runtime).</summary>
    public static void SetActingUserId(this ServerCallContext context, string userId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        context.UserState[Key] = userId;
    }
}
