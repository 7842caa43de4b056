using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>
/// Looks up the officer a host names in a tab context, with the runtime's own danvan.host.v1 client.
/// Without a configured host (<see cref="PluginRuntimeOptions.HostAddress"/> null) nobody can be looked up:
/// the answer is "unknown user", and only tabs needing no role are listed.
/// </summary>
internal sealed class TabUserDirectory(DirectoryService.DirectoryServiceClient? client)
{
    public bool Configured => client is not null;

    /// <summary>The user, or null without a host. The host's NOT_FOUND becomes NOT_FOUND, other failures UNAVAILABLE.</summary>
    public async Task<User?> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return null;
        }

        try
        {
            var response = await client.GetUserAsync(new GetUserRequest { UserId = userId }, cancellationToken: cancellationToken);
            return response.User ?? throw new RpcException(new Status(StatusCode.NotFound, $"Danh bạ của e-office không có người dùng '{userId}' (the host's directory does not know user '{userId}')."));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Danh bạ của e-office không có người dùng '{userId}' (the host's directory does not know user '{userId}')."));
        }
        catch (RpcException ex) when (ex.StatusCode is not StatusCode.Cancelled)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"Không hỏi được danh bạ của e-office về người dùng '{userId}' (the host's DirectoryService failed: {ex.StatusCode} {ex.Status.Detail}); thử lại sau."));
        }
    }
}
