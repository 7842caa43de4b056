namespace DanVan.Plugins;

/// <summary>One setting a province can give a plugin; the runtime validates values against it.</summary>
public sealed class PluginSetting
{
    /// <summary>The key, e.g. <c>reminderDaysBefore</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>string</c>, <c>integer</c>, <c>boolean</c> or <c>enum</c>.</summary>
    public required string Type { get; init; }

    /// <summary>True when the plugin cannot start without a value and has no default.</summary>
    public bool Required { get; init; }

    /// <summary>The value used when the province sets none, as text.</summary>
    public string? Default { get; init; }

    /// <summary>What it means, in Vietnamese, shown to provincial IT.</summary>
    public string? Description { get; init; }

    /// <summary>For <c>enum</c>: the allowed values.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>For <c>integer</c>: the smallest allowed value.</summary>
    public long? Minimum { get; init; }

    /// <summary>For <c>integer</c>: the largest allowed value.</summary>
    public long? Maximum { get; init; }
}
