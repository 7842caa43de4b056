using Microsoft.Extensions.Configuration;

namespace DanVan.Plugins;

/// <summary>What the runtime tells a plugin about where it runs.</summary>
public sealed class PluginContext
{
    /// <summary>Creates the context; the runtime does this.</summary>
    public PluginContext(PluginManifest manifest, IConfiguration settings, string dataDirectory, string provinceId)
    {
        Manifest = manifest ?? throw new ArgumentNullException(nameof(manifest));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
        DataDirectory = dataDirectory ?? throw new ArgumentNullException(nameof(dataDirectory));
        ProvinceId = provinceId ?? throw new ArgumentNullException(nameof(provinceId));
    }

    /// <summary>The plugin's manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>The province's validated settings for the plugin (defaults filled in).</summary>
    public IConfiguration Settings { get; }

    /// <summary>A folder the plugin may write files to; it survives upgrades.</summary>
    public string DataDirectory { get; }

    /// <summary>The province this runtime serves.</summary>
    public string ProvinceId { get; }
}
