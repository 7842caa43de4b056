using System.Buffers;
using System.IO.Compression;

namespace DanVan.Plugins.Grpc.Internal;

/// <summary>Per-message gzip, the one compression besides identity this layer supports.</summary>
internal static class MessageCompression
{
    public static bool IsSupported(string? encoding) =>
        encoding is null
        || encoding.Equals(GrpcProtocol.Identity, StringComparison.OrdinalIgnoreCase)
        || encoding.Equals(GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase);

    public static bool IsGzip(string? encoding) => encoding is not null && encoding.Equals(GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a grpc-accept-encoding list names gzip.</summary>
    public static bool AcceptsGzip(string? acceptEncoding)
    {
        if (acceptEncoding is null)
        {
            return false;
        }

        foreach (var range in acceptEncoding.AsSpan().Split(','))
        {
            if (acceptEncoding.AsSpan()[range].Trim().Equals(GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length / 2 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Inflates a gzip payload; returns null when the result would exceed the limit (a decompression bomb).</summary>
    public static byte[]? Decompress(ReadOnlySequence<byte> data, int maxSize)
    {
        using var input = new MemoryStream(data.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    return null;
                }

                output.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return output.ToArray();
    }
}
