using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace DanVan.Plugins.Grpc.Tests.Infrastructure;

/// <summary>Hand-made gRPC requests and response parsing, to test the wire without the layer's client.</summary>
public static class RawGrpc
{
    public const string EchoPath = "/danvan.interop.v1.InteropService/Echo";
    public const string ServerStreamPath = "/danvan.interop.v1.InteropService/ServerStream";

    /// <summary>One length-prefixed message: flag, big-endian length, bytes.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload, byte flag = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A POST request shaped as a gRPC client sends it (content-type, te: trailers, HTTP/2).</summary>
    public static HttpRequestMessage Request(string path, HttpContent? content, string contentType = "application/grpc")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content ?? new ByteArrayContent([]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.ParseAdd("trailers");
        return request;
    }

    public static HttpRequestMessage Request(string path, byte[] body, string contentType = "application/grpc") =>
        Request(path, new ByteArrayContent(body), contentType);

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request) =>
        client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

    /// <summary>The value of a header, or null.</summary>
    public static string? Header(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    /// <summary>The frames of a whole response body.</summary>
    public static List<(byte Flag, byte[] Payload)> ParseFrames(byte[] body)
    {
        var frames = new List<(byte, byte[])>();
        var offset = 0;
        while (offset < body.Length)
        {
            Assert.True(body.Length - offset >= 5, "truncated frame header in the response body");
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1));
            Assert.True(body.Length - offset - 5 >= length, "truncated frame in the response body");
            frames.Add((body[offset], body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }

        return frames;
    }

    /// <summary>
    /// Reads a trailers-only answer: HTTP 200, the status in the headers and no body.
    /// Returns (grpc-status, grpc-message as sent on the wire).
    /// </summary>
    public static async Task<(string? Status, string? Message)> ReadTrailersOnlyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(body);
        return (Header(response.Headers, "grpc-status"), Header(response.Headers, "grpc-message"));
    }
}
