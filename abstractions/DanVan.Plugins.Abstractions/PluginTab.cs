namespace DanVan.Plugins;

/// <summary>A tab the plugin adds to an e-office screen.</summary>
public sealed class PluginTab
{
    /// <summary>Id unique within the plugin, e.g. <c>document-tasks</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The tab title in Vietnamese, e.g. "Nhiệm vụ".</summary>
    public required string Title { get; init; }

    /// <summary>Where it appears: <c>document</c>, <c>unit</c> or <c>province</c>.</summary>
    public IReadOnlyList<string> Contexts { get; init; } = [];

    /// <summary>The page path under the plugin's tab root, e.g. <c>/document</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Order among the tabs of the same screen, smaller first.</summary>
    public int Order { get; init; }

    /// <summary>A role or permission the officer needs to see the tab; null for everyone.</summary>
    public string? RequiredRole { get; init; }
}
