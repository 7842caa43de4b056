using System.Globalization;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>Checks a province's settings for a plugin against the manifest's schema and fills in defaults.</summary>
internal static class PluginSettingsValidator
{
    /// <summary>The effective settings, or the list of problems (Vietnamese, for provincial IT) when any value is wrong.</summary>
    public static (Dictionary<string, string> Effective, List<string> Problems) Validate(PluginManifest manifest, IReadOnlyDictionary<string, string> values)
    {
        var effective = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var key in values.Keys)
        {
            if (!manifest.Settings.Any(s => string.Equals(s.Name, key, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"Thiết lập '{key}' không có trong khai báo của plugin {manifest.Id}.");
            }
        }

        foreach (var setting in manifest.Settings)
        {
            var value = values.TryGetValue(setting.Name, out var given) ? given : setting.Default;
            if (value is null)
            {
                if (setting.Required)
                {
                    problems.Add($"Thiếu thiết lập bắt buộc '{setting.Name}'.");
                }

                continue;
            }

            if (Check(setting, value) is { } problem)
            {
                problems.Add(problem);
                continue;
            }

            effective[setting.Name] = value;
        }

        return (effective, problems);
    }

    private static string? Check(PluginSetting setting, string value) => setting.Type switch
    {
        "string" => null,
        "boolean" => bool.TryParse(value, out _) ? null : $"Thiết lập '{setting.Name}' phải là true hoặc false, nhận được '{value}'.",
        "integer" => !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? $"Thiết lập '{setting.Name}' phải là số nguyên, nhận được '{value}'."
            : number < setting.Minimum || number > setting.Maximum
                ? $"Thiết lập '{setting.Name}' phải trong khoảng {setting.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "…"}–{setting.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "…"}, nhận được {number}."
                : null,
        "enum" => setting.AllowedValues.Contains(value, StringComparer.Ordinal) ? null : $"Thiết lập '{setting.Name}' phải là một trong: {string.Join(", ", setting.AllowedValues)}; nhận được '{value}'.",
        _ => $"Thiết lập '{setting.Name}' có kiểu không hỗ trợ '{setting.Type}'.",
    };
}
