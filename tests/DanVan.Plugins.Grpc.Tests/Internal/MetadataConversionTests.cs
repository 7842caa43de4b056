using DanVan.Plugins.Grpc.Internal;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Grpc.Tests.Internal;

public sealed class MetadataConversionTests
{
    [Fact]
    public void EncodeValueThenDecodeBase64_AnyBytes_RoundTripUnpadded()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(FramingPropertyTests.Bytes(64).ToArbitrary(), bytes =>
        {
            var wire = MetadataConversion.EncodeValue(new Metadata.Entry("x-b-bin", bytes));

            Assert.DoesNotContain('=', wire);
            Assert.Equal(bytes, MetadataConversion.DecodeBase64(wire));
        }));
    }

    [Theory]
    [InlineData("AAEC/v8=")]
    [InlineData("AAEC/v8")]
    [InlineData("AAEC_v8")]
    public void DecodeBase64_PaddedUnpaddedAndUrlSafe_SameBytes(string value)
    {
        Assert.Equal(new byte[] { 0, 1, 2, 0xFE, 0xFF }, MetadataConversion.DecodeBase64(value));
    }

    [Fact]
    public void DecodeBase64_LengthOneMod4_FormatException()
    {
        Assert.Throws<FormatException>(() => MetadataConversion.DecodeBase64("AAEC/"));
    }

    [Fact]
    public void FromHeaders_ReservedAndUserHeaders_OnlyUserMetadataLowerCased()
    {
        var headers = new HeaderDictionary
        {
            ["Content-Type"] = "application/grpc",
            ["TE"] = "trailers",
            ["grpc-timeout"] = "1S",
            ["grpc-encoding"] = "gzip",
            ["grpc-accept-encoding"] = "gzip",
            ["X-Custom"] = "Value",
            ["x-two-bin"] = "AQI, AwQ",
            [":path"] = "/a/b",
        };

        var metadata = MetadataConversion.FromHeaders(headers);

        Assert.Equal(["x-custom", "x-two-bin", "x-two-bin"], metadata.Select(e => e.Key));
        Assert.Equal("Value", metadata.GetValue("x-custom"));
        Assert.Equal([new byte[] { 1, 2 }, [3, 4]], metadata.GetAll("x-two-bin").Select(e => e.ValueBytes));
    }

    [Fact]
    public void AddDecoded_NonPrintableAsciiValue_ReplacedWithQuestionMarks()
    {
        var metadata = new Metadata();

        MetadataConversion.AddDecoded(metadata, "x-latin", "caf\u00e9\u0001");

        Assert.Equal("caf??", metadata.GetValue("x-latin"));
    }

    [Fact]
    public void AddDecoded_EmptyBinaryValue_OneEmptyEntry()
    {
        var metadata = new Metadata();

        MetadataConversion.AddDecoded(metadata, "x-empty-bin", "");

        Assert.Empty(Assert.Single(metadata).ValueBytes);
    }
}
