namespace DanVan.Plugins.Runtime.Management;

/// <summary>Where a plugin is in its life (mirrors danvan.runtime.v1's PluginState).</summary>
public enum PluginState
{
    /// <summary>Installed, never enabled.</summary>
    Installed,
    /// <summary>Loading or starting.</summary>
    Starting,
    /// <summary>Serving.</summary>
    Enabled,
    /// <summary>A new version is starting beside the serving one.</summary>
    Upgrading,
    /// <summary>Turned off by provincial IT; loads nothing.</summary>
    Disabled,
    /// <summary>Refused at load or start; see the reason.</summary>
    Quarantined,
}
