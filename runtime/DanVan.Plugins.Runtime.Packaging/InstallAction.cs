namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>What installing a candidate package would do.</summary>
public enum InstallAction
{
    /// <summary>No version of the plugin is installed: install it.</summary>
    Install = 1,

    /// <summary>The candidate is newer: upgrade to it.</summary>
    Upgrade,

    /// <summary>The candidate is older and a downgrade was asked for: roll back to it.</summary>
    Downgrade,

    /// <summary>The same version with identical content is installed: nothing to do.</summary>
    AlreadyInstalled,

    /// <summary>Refused; see <see cref="InstallDecision.Refusal"/>.</summary>
    Refused,
}
