namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>The outcome of <see cref="PluginVersionPolicy.Decide"/>, with messages for logs and provincial IT.</summary>
public sealed class InstallDecision
{
    internal InstallDecision(InstallAction action, PluginVersionInfo? installed, PluginVersionInfo candidate, string message, string messageVi, PackageError? refusal = null)
    {
        Action = action;
        Installed = installed;
        Candidate = candidate;
        Message = message;
        MessageVi = messageVi;
        Refusal = refusal;
    }

    /// <summary>What to do.</summary>
    public InstallAction Action { get; }

    /// <summary>The installed version compared against, if any.</summary>
    public PluginVersionInfo? Installed { get; }

    /// <summary>The candidate version.</summary>
    public PluginVersionInfo Candidate { get; }

    /// <summary>Why it was refused (codes <see cref="PackageErrorCode.DowngradeRefused"/>, <see cref="PackageErrorCode.SameVersionDifferentContent"/>); null otherwise.</summary>
    public PackageError? Refusal { get; }

    /// <summary>True when the candidate should be installed (install, upgrade or an asked-for downgrade).</summary>
    public bool ShouldInstall => Action is InstallAction.Install or InstallAction.Upgrade or InstallAction.Downgrade;

    /// <summary>The outcome in English.</summary>
    public string Message { get; }

    /// <summary>The outcome in Vietnamese.</summary>
    public string MessageVi { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Action}: {Message}";
}
