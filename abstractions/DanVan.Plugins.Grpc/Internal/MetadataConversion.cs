using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Grpc.Internal;

/// <summary>Moves metadata between <see cref="Metadata"/> and HTTP header collections.</summary>
internal static class MetadataConversion
{
    public static Metadata FromHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            if (GrpcProtocol.IsReservedHeader(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                AddDecoded(metadata, header.Key, value ?? "");
            }
        }

        return metadata;
    }

    public static Metadata FromHeaders(HttpHeaders headers, Metadata? into = null)
    {
        var metadata = into ?? new Metadata();
        foreach (var header in headers.NonValidated)
        {
            if (GrpcProtocol.IsReservedHeader(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                AddDecoded(metadata, header.Key, value);
            }
        }

        return metadata;
    }

    public static void AddDecoded(Metadata metadata, string key, string value)
    {
        var lower = key.ToLowerInvariant();
        if (lower.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal))
        {
            // Several binary values may arrive joined by commas.
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                metadata.Add(lower, DecodeBase64(part));
            }

            if (value.Length == 0)
            {
                metadata.Add(lower, []);
            }
        }
        else
        {
            metadata.Add(new Metadata.Entry(lower, SanitizeAscii(value)));
        }
    }

    public static string EncodeValue(Metadata.Entry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;

    /// <summary>Accepts padded and unpadded base64, as the spec requires.</summary>
    public static byte[] DecodeBase64(string value)
    {
        var padding = (4 - value.Length % 4) % 4;
        if (padding == 3)
        {
            throw new FormatException("Invalid base64 length in a -bin header.");
        }

        var padded = padding == 0 ? value : value + new string('=', padding);
        return Convert.FromBase64String(padded.Replace('-', '+').Replace('_', '/'));
    }

    // Header values from other peers may hold bytes our Metadata refuses; keep the call alive.
    private static string SanitizeAscii(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                return string.Create(value.Length, value, static (span, v) =>
                {
                    for (var i = 0; i < v.Length; i++)
                    {
                        span[i] = v[i] < 0x20 || v[i] > 0x7E ? '?' : v[i];
                    }
                });
            }
        }

        return value;
    }
}
