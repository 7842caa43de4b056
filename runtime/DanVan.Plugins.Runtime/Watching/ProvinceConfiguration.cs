using System.Text.Json;

namespace DanVan.Plugins.Runtime.Watching;

/// <summary>
/// province.json: which plugins a province runs and their settings. Plugins it names are enabled
/// or disabled and given their settings; plugins it does not name are left as they are.
/// </summary>
public sealed class ProvinceConfiguration
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>The province, e.g. <c>hung-yen</c>.</summary>
    public string? ProvinceId { get; init; }

    /// <summary>Plugin id → what the province wants of it.</summary>
    public Dictionary<string, ProvincePluginConfiguration> Plugins { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Reads the file; throws <see cref="JsonException"/> with the position of a syntax error.</summary>
    public static ProvinceConfiguration Load(string path) =>
        JsonSerializer.Deserialize<ProvinceConfiguration>(File.ReadAllText(path), Json) ?? new ProvinceConfiguration();
}
