using System.Collections.Concurrent;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>
/// Looks up the officer a host names in a tab context, with the runtime's own danvan.host.v1 client, and
/// keeps answers for <see cref="PluginRuntimeOptions.UserCacheDuration"/> so that ListTabs, called on every
/// page render, rarely waits for the host. A UserChangedEvent drops the user's entry at once; token refresh
/// always asks the host. Without a configured host (<see cref="PluginRuntimeOptions.HostAddress"/> null)
/// nobody can be looked up: the answer is "unknown user", and only tabs needing no role are listed.
/// </summary>
internal sealed class TabUserDirectory(DirectoryService.DirectoryServiceClient? client, PluginRuntimeOptions options, TimeProvider time)
{
    // Far more than a province's officers; past it the cache starts over rather than growing.
    private const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, (User User, DateTimeOffset FetchedAt)> _cache = new(StringComparer.Ordinal);

    public bool Configured => client is not null;

    /// <summary>The user, or null without a host. The host's NOT_FOUND becomes NOT_FOUND, other failures UNAVAILABLE.</summary>
    public async Task<User?> GetUserAsync(string userId, bool fresh, CancellationToken cancellationToken)
    {
        if (client is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (!fresh && _cache.TryGetValue(userId, out var cached) && now - cached.FetchedAt < options.UserCacheDuration)
        {
            return cached.User;
        }

        User user;
        try
        {
            var response = await client.GetUserAsync(new GetUserRequest { UserId = userId }, cancellationToken: cancellationToken);
            user = response.User ?? throw NotFound(userId);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            _cache.TryRemove(userId, out _);
            throw NotFound(userId);
        }
        catch (RpcException ex) when (ex.StatusCode is not StatusCode.Cancelled)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"Không hỏi được danh bạ của e-office về người dùng '{userId}' (the host's DirectoryService failed: {ex.StatusCode} {ex.Status.Detail}); thử lại sau."));
        }

        if (options.UserCacheDuration > TimeSpan.Zero)
        {
            if (_cache.Count >= MaxEntries)
            {
                _cache.Clear();
            }

            _cache[userId] = (user, now);
        }

        return user;
    }

    /// <summary>Forgets a user (their roles or unit changed).</summary>
    public void Forget(string userId) => _cache.TryRemove(userId, out _);

    private static RpcException NotFound(string userId) =>
        new(new Status(StatusCode.NotFound, $"Danh bạ của e-office không có người dùng '{userId}' (the host's directory does not know user '{userId}')."));
}
