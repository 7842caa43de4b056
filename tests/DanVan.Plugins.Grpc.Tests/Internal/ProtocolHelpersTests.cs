using DanVan.Plugins.Grpc.Internal;

namespace DanVan.Plugins.Grpc.Tests.Internal;

public sealed class ProtocolHelpersTests
{
    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("APPLICATION/GRPC", true)]
    [InlineData("application/grpc+json", false)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/grpcx", false)]
    [InlineData("text/plain", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsGrpcContentType_Values_Classified(string? contentType, bool expected)
    {
        Assert.Equal(expected, GrpcProtocol.IsGrpcContentType(contentType));
    }

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("identity, gzip", true)]
    [InlineData("identity,deflate,GZIP", true)]
    [InlineData("identity", false)]
    [InlineData("gzipx", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AcceptsGzip_Lists_Classified(string? accept, bool expected)
    {
        Assert.Equal(expected, MessageCompression.AcceptsGzip(accept));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("identity", true)]
    [InlineData("gzip", true)]
    [InlineData("Gzip", true)]
    [InlineData("deflate", false)]
    [InlineData("snappy", false)]
    public void IsSupported_Encodings_Classified(string? encoding, bool expected)
    {
        Assert.Equal(expected, MessageCompression.IsSupported(encoding));
    }

    [Fact]
    public void Decompress_OverLimit_Null()
    {
        var zipped = Infrastructure.RawGrpc.Gzip(new byte[10_000]);

        Assert.Null(MessageCompression.Decompress(new System.Buffers.ReadOnlySequence<byte>(zipped), 9_999));
        Assert.Equal(10_000, MessageCompression.Decompress(new System.Buffers.ReadOnlySequence<byte>(zipped), 10_000)!.Length);
    }
}
