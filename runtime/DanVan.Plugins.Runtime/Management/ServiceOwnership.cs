using DanVan.Plugins.Runtime.Loading;

namespace DanVan.Plugins.Runtime.Management;

/// <summary>
/// Which gRPC service names a plugin may take: not the runtime's own or gRPC's (health,
/// reflection), and not one another plugin already routes — the registry would otherwise let the
/// later plugin silently take over the earlier one's calls.
/// </summary>
internal static class ServiceOwnership
{
    private static readonly string[] ReservedPrefixes = ["danvan.runtime.", "grpc."];

    /// <summary>Throws <see cref="PluginLoadException"/> naming every service the plugin may not take.</summary>
    public static void Check(PluginManifest manifest, IReadOnlyDictionary<string, string> otherOwners)
    {
        var problems = new List<string>();
        foreach (var service in manifest.Services)
        {
            if (ReservedPrefixes.FirstOrDefault(p => service.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
            {
                problems.Add(
                    $"Plugin '{manifest.Id}' {manifest.Version} khai báo dịch vụ gRPC {service}, nhưng tên bắt đầu bằng '{prefix}' dành riêng cho runtime. / "
                    + $"Plugin '{manifest.Id}' {manifest.Version} declares gRPC service {service}, but names starting with '{prefix}' are reserved for the runtime.");
            }
            else if (otherOwners.TryGetValue(service, out var owner))
            {
                problems.Add(
                    $"Plugin '{manifest.Id}' {manifest.Version} khai báo dịch vụ gRPC {service}, nhưng dịch vụ này thuộc plugin '{owner}'. / "
                    + $"Plugin '{manifest.Id}' {manifest.Version} declares gRPC service {service}, which plugin '{owner}' already serves.");
            }
        }

        if (problems.Count > 0)
        {
            throw new PluginLoadException(string.Join(" ", problems));
        }
    }
}
