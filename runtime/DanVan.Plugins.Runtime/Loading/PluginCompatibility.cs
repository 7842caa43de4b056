using System.Globalization;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>Decides from the manifest alone whether this runtime can load a plugin, and says why not.</summary>
internal static class PluginCompatibility
{
    public static IReadOnlyList<string> Check(PluginManifest manifest)
    {
        var problems = new List<string>();
        if (!TryParse(manifest.AbstractionsVersion, out var wanted) || !TryParse(PluginApi.Version, out var offered))
        {
            problems.Add($"Plugin '{manifest.Id}' {manifest.Version} declares abstractions version '{manifest.AbstractionsVersion}', which is not major.minor.");
        }
        else if (wanted.Major != offered.Major || wanted.Minor > offered.Minor)
        {
            problems.Add($"Plugin '{manifest.Id}' {manifest.Version} was built for plugin API {manifest.AbstractionsVersion}; this runtime offers {PluginApi.Version}.");
        }

        foreach (var contract in manifest.Contracts)
        {
            if (!PluginApi.Contracts.Contains(contract, StringComparer.Ordinal))
            {
                problems.Add($"Plugin '{manifest.Id}' {manifest.Version} needs contract {contract}; this runtime serves {string.Join(", ", PluginApi.Contracts)}.");
            }
        }

        return problems;
    }

    private static bool TryParse(string text, out (int Major, int Minor) version)
    {
        version = default;
        var parts = text.Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = (major, minor);
        return true;
    }
}
