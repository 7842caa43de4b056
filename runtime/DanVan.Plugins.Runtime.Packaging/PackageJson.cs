using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>The JSON settings for the package's own files, shared so writer and reader agree.</summary>
internal static class PackageJson
{
    /// <summary>For reading plugin.json: strict JSON, duplicate keys refused (a classic way to make two readers see different values), unknown members skipped so newer manifests still load.</summary>
    public static JsonSerializerOptions ManifestRead { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        MaxDepth = 32,
    };

    /// <summary>For writing plugin.json: camelCase, indented, Vietnamese kept readable, nulls left out.</summary>
    public static JsonSerializerOptions ManifestWrite { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>For SIGNATURE.json both ways: format 1 is closed, so unknown members are an error.</summary>
    public static JsonSerializerOptions Signature { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        MaxDepth = 8,
    };

    /// <summary>For the trust store JSON file.</summary>
    public static JsonSerializerOptions TrustStore { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        AllowDuplicateProperties = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
