using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DanVan.Plugins.Contracts.Runtime.V1;
using Google.Protobuf.WellKnownTypes;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>Plugin settings between their stored form (text values) and danvan.runtime.v1's Struct form.</summary>
internal static class PluginSettingsMessages
{
    public static PluginSettings ToProto(string pluginId, string provinceId, IReadOnlyDictionary<string, string> values, PluginManifest manifest)
    {
        var settings = new PluginSettings { PluginId = pluginId, ProvinceId = provinceId, Settings = new Struct(), Schema = new Struct(), Etag = Etag(values) };
        foreach (var (key, value) in values)
        {
            settings.Settings.Fields[key] = Value.ForString(value);
        }

        foreach (var setting in manifest.Settings)
        {
            var field = new Struct();
            field.Fields["type"] = Value.ForString(setting.Type);
            field.Fields["required"] = Value.ForBool(setting.Required);
            if (setting.Default is not null)
            {
                field.Fields["default"] = Value.ForString(setting.Default);
            }

            if (setting.Description is not null)
            {
                field.Fields["description"] = Value.ForString(setting.Description);
            }

            settings.Schema.Fields[setting.Name] = Value.ForStruct(field);
        }

        return settings;
    }

    /// <summary>Struct values as text: strings as they are, numbers invariant, booleans lower-case.</summary>
    public static Dictionary<string, string> FromProto(Struct? values)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values?.Fields ?? new Google.Protobuf.Collections.MapField<string, Value>())
        {
            result[key] = value.KindCase switch
            {
                Value.KindOneofCase.NumberValue => value.NumberValue.ToString(CultureInfo.InvariantCulture),
                Value.KindOneofCase.BoolValue => value.BoolValue ? "true" : "false",
                _ => value.StringValue,
            };
        }

        return result;
    }

    /// <summary>A digest of the settings; an update naming an older one is refused (ABORTED).</summary>
    public static string Etag(IReadOnlyDictionary<string, string> values)
    {
        var text = string.Join("\n", values.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => p.Key.ToLowerInvariant() + "=" + p.Value));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
