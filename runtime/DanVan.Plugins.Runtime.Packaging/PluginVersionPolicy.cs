namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// Decides whether a candidate package may replace what is installed: newer versions upgrade,
/// older ones only when a downgrade (rollback) is asked for, and a version number always means
/// the same content — a rebuilt package reusing an installed version number is refused.
/// </summary>
public static class PluginVersionPolicy
{
    /// <summary>Decides what installing <paramref name="candidate"/> over <paramref name="installed"/> (null when none) does.</summary>
    /// <exception cref="ArgumentException">The two are different plugins.</exception>
    public static InstallDecision Decide(PluginVersionInfo? installed, PluginVersionInfo candidate, bool allowDowngrade = false)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var id = candidate.Id;
        if (installed is null)
        {
            return new InstallDecision(InstallAction.Install, null, candidate,
                $"{id} {candidate.Version} will be installed.",
                $"{id} phiên bản {candidate.Version} sẽ được cài đặt.");
        }

        if (!string.Equals(installed.Id, candidate.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The installed plugin {installed.Id} and the candidate {candidate.Id} are different plugins.", nameof(candidate));
        }

        var order = candidate.Version.CompareTo(installed.Version);
        if (order > 0)
        {
            return new InstallDecision(InstallAction.Upgrade, installed, candidate,
                $"{id} will be upgraded from {installed.Version} to {candidate.Version}.",
                $"{id} sẽ được nâng cấp từ phiên bản {installed.Version} lên {candidate.Version}.");
        }

        if (order == 0)
        {
            if (string.Equals(installed.ContentDigest, candidate.ContentDigest, StringComparison.OrdinalIgnoreCase))
            {
                return new InstallDecision(InstallAction.AlreadyInstalled, installed, candidate,
                    $"{id} {candidate.Version} is already installed (identical content).",
                    $"{id} phiên bản {candidate.Version} đã được cài (nội dung giống hệt).");
            }

            var refusal = PackageErrors.SameVersionDifferentContent(id, candidate.Version);
            return new InstallDecision(InstallAction.Refused, installed, candidate, refusal.Message, refusal.MessageVi, refusal);
        }

        if (allowDowngrade)
        {
            return new InstallDecision(InstallAction.Downgrade, installed, candidate,
                $"{id} will be rolled back from {installed.Version} to {candidate.Version}, as asked.",
                $"{id} sẽ được hạ từ phiên bản {installed.Version} về {candidate.Version} theo yêu cầu.");
        }

        var downgrade = PackageErrors.DowngradeRefused(id, installed.Version, candidate.Version);
        return new InstallDecision(InstallAction.Refused, installed, candidate, downgrade.Message, downgrade.MessageVi, downgrade);
    }
}
