namespace DanVan.Plugins.Runtime.Administration;

/// <summary>A province's settings for a plugin do not fit its schema; each problem is in Vietnamese for provincial IT.</summary>
public sealed class PluginSettingsException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
