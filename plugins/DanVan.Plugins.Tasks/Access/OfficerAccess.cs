using System.Collections.Concurrent;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Tasks.Access;

/// <summary>
/// The acting officer with their roles, read from the e-office directory (DirectoryService.GetUser)
/// and kept 60 s per user on the clock, so a page with many checks asks the host once while a role
/// withdrawn in the e-office stops counting within a minute. Unknown user → no roles; the host
/// unreachable → the RpcException propagates (the caller says the e-office cannot be reached).
/// </summary>
internal sealed class OfficerAccess(DirectoryService.DirectoryServiceClient? directory, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, (Officer Officer, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public async Task<Officer> GetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(userId, out var hit) && hit.Until > now)
        {
            return hit.Officer;
        }

        var officer = await ReadAsync(userId, cancellationToken).ConfigureAwait(false);
        cache[userId] = (officer, now + CacheFor);
        return officer;
    }

    private async Task<Officer> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        if (userId.Length == 0)
        {
            return Officer.Nobody(userId);
        }

        if (directory is null)
        {
            // The runtime offers the client only when it has a host address.
            throw new RpcException(new Status(StatusCode.Unavailable, "The runtime has no e-office host configured."));
        }

        User user;
        try
        {
            user = (await directory.GetUserAsync(new GetUserRequest { UserId = userId }, cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false)).User ?? new User();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return Officer.Nobody(userId);
        }

        // An inactive account (locked, retired, transferred) keeps its history but acts on nothing.
        return user.Active
            ? new Officer(userId, user.FullName, [.. user.RoleAssignments.Where(r => r.Role != Role.Unspecified).Select(r => new RoleGrant(r.Role, r.OrgUnitId))])
            : new Officer(userId, user.FullName, []);
    }
}
