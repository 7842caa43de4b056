using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Data;

namespace DanVan.Plugins.HostSample.Services;

/// <summary>
/// Who may see a document: any active officer, except for documents restricted to a unit (internal
/// documents of a commune), which need a role in that unit's subtree or a province-wide role.
/// </summary>
internal sealed class DocumentAccess(HostStore store)
{
    private static readonly Role[] ProvinceWide = [Role.ProvincialAdmin, Role.HomeAffairsAppraiser];

    /// <summary>The acting user, or null for the runtime's own identity; unknown id is NOT_FOUND.</summary>
    public User? ActingUser(string userId) =>
        userId.Length == 0 ? null : Require.Found(store.FindUser(userId), "người dùng", userId);

    public bool MaySee(User? user, SeedDocument document)
    {
        if (user is null)
        {
            return true;
        }

        if (!user.Active)
        {
            return false;
        }

        if (document.RestrictedTo.Count == 0 || user.RoleAssignments.Any(a => ProvinceWide.Contains(a.Role)))
        {
            return true;
        }

        var allowed = document.RestrictedTo.SelectMany(store.SelfAndDescendants).Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        return allowed.Contains(user.PrimaryOrgUnitId) || user.RoleAssignments.Any(a => allowed.Contains(a.OrgUnitId));
    }

    public void Demand(User? user, SeedDocument document)
    {
        if (!MaySee(user, document))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Người dùng \"{user!.Id}\" không có quyền xem văn bản \"{document.Document.Id}\"."));
        }
    }
}
