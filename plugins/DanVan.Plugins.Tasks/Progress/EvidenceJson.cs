using System.Text.Json;
using System.Text.Json.Serialization;

namespace DanVan.Plugins.Tasks.Progress;

/// <summary>The evidence list as stored in <see cref="Storage.ReportRecord.Evidence"/>: [{"kind":"Document","reference":"…","title":"…"}].</summary>
internal static class EvidenceJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(IReadOnlyList<Evidence> evidence) => JsonSerializer.Serialize(evidence, Options);

    public static IReadOnlyList<Evidence> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<Evidence>>(json, Options) ?? [];
        }
        catch (JsonException)
        {
            // A row written by hand or by a newer version: show no evidence rather than fail the page.
            return [];
        }
    }
}
