namespace DanVan.Plugins;

/// <summary>
/// What a plugin declares about itself in <c>plugin.json</c> at the root of its package: who it
/// is, what it was built against, what it needs and what it contributes. The runtime reads it
/// before loading any code, so a refusal never runs plugin code.
/// </summary>
public sealed class PluginManifest
{
    /// <summary>The manifest's file name inside a package.</summary>
    public const string FileName = "plugin.json";

    /// <summary>Stable id, lower-case dotted, e.g. <c>danvan.tasks</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Semantic version of this build, e.g. <c>1.2.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The name officers and IT see, in Vietnamese, e.g. "Theo dõi nhiệm vụ".</summary>
    public required string DisplayName { get; init; }

    /// <summary>One sentence on what the plugin does, in Vietnamese.</summary>
    public string? Description { get; init; }

    /// <summary>The publisher's name, shown with the signature check.</summary>
    public string? Publisher { get; init; }

    /// <summary>The assembly file holding <see cref="EntryType"/>, e.g. <c>DanVan.Plugins.Tasks.dll</c>.</summary>
    public required string EntryAssembly { get; init; }

    /// <summary>The full name of the class implementing <see cref="IPlugin"/>.</summary>
    public required string EntryType { get; init; }

    /// <summary>The abstractions API version built against, <c>major.minor</c>; the runtime loads it when the major matches and its minor is not older.</summary>
    public required string AbstractionsVersion { get; init; }

    /// <summary>The contract packages used, e.g. <c>danvan.host.v1</c>; each must be served by the runtime.</summary>
    public IReadOnlyList<string> Contracts { get; init; } = [];

    /// <summary>Other plugins this one needs (or can use).</summary>
    public IReadOnlyList<PluginDependency> Dependencies { get; init; } = [];

    /// <summary>The fully-qualified gRPC services the plugin serves, e.g. <c>danvan.tasks.v1.TasksService</c>.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>The tabs the plugin adds to e-office screens.</summary>
    public IReadOnlyList<PluginTab> Tabs { get; init; } = [];

    /// <summary>Host permissions needed, e.g. <c>directory:read</c>, <c>documents:read</c>, <c>notifications:send</c>.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>The settings a province can give the plugin, with their types and defaults.</summary>
    public IReadOnlyList<PluginSetting> Settings { get; init; } = [];
}
