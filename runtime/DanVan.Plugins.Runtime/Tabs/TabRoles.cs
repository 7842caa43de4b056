using DanVan.Plugins.Contracts.Host.V1;
using Google.Protobuf.Reflection;

namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>
/// A manifest's <see cref="PluginTab.RequiredRole"/> names a danvan.host.v1 Role, written as the proto
/// enum value (<c>ROLE_UNIT_LEADER</c>) or without the prefix in either case with '-' or '_'
/// (<c>unit-leader</c>, <c>UNIT_LEADER</c>); all compare equal here.
/// </summary>
internal static class TabRoles
{
    private static readonly EnumDescriptor RoleDescriptor = DirectoryReflection.Descriptor.FindTypeByName<EnumDescriptor>("Role");

    public static string Normalize(string role)
    {
        var upper = role.Trim().Replace('-', '_').ToUpperInvariant();
        return upper.StartsWith("ROLE_", StringComparison.Ordinal) ? upper : "ROLE_" + upper;
    }

    /// <summary>The normalised names of the roles the user holds in <paramref name="orgUnitId"/>.</summary>
    public static HashSet<string> InUnit(User user, string orgUnitId) =>
        user.RoleAssignments
            .Where(a => a.OrgUnitId == orgUnitId && a.Role != Role.Unspecified)
            .Select(a => RoleDescriptor.FindValueByNumber((int)a.Role)?.Name ?? "")
            .Where(n => n.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
}
