using System.Text;
using DanVan.Plugins.Grpc.Internal;
using FsCheck;
using FsCheck.Fluent;

namespace DanVan.Plugins.Grpc.Tests.Internal;

public sealed class PercentEncodingTests
{
    /// <summary>Strings of valid UTF-16 from every region: printable ASCII, controls, '%', the BMP and supplementary planes.</summary>
    private static Gen<string> UnicodeStrings()
    {
        var scalar = Gen.Frequency(
            (5, Gen.Choose(0x20, 0x7E)),
            (2, Gen.Constant((int)'%')),
            (1, Gen.Choose(0x00, 0x1F)),
            (1, Gen.Constant(0x7F)),
            (2, Gen.Choose(0x80, 0x7FF)),
            (2, Gen.Choose(0x800, 0xD7FF)),
            (1, Gen.Choose(0xE000, 0xFFFF)),
            (2, Gen.Choose(0x10000, 0x10FFFF)));
        return Gen.ListOf(scalar).Select(scalars => string.Concat(scalars.Select(s => new Rune(s).ToString())));
    }

    internal static bool IsValidUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]))
            {
                if (i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void AssertRoundTrip(string s)
    {
        var encoded = PercentEncoding.Encode(s);

        Assert.All(encoded, c => Assert.InRange(c, '\x20', '\x7E'));
        Assert.Equal(s, PercentEncoding.Decode(encoded));
    }

    [Fact]
    public void DecodeEncode_AnyUnicodeString_RoundTripsThroughPrintableAscii()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(UnicodeStrings().ToArbitrary(), AssertRoundTrip));
    }

    [Fact]
    public void DecodeEncode_AnyValidUtf16FromDefaultStringGenerator_RoundTrips()
    {
        var strings = ArbMap.Default.ArbFor<string>().Filter(s => s is not null && IsValidUtf16(s));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(strings, AssertRoundTrip));
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("bad name: fail ✓ 100%", "bad name: fail %E2%9C%93 100%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("", "")]
    public void Encode_Examples_ExactWireText(string value, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Encode(value));
    }

    [Theory]
    [InlineData("100%", "100%")]
    [InlineData("%zz", "%zz")]
    [InlineData("%4", "%4")]
    [InlineData("%e2%9c%93", "✓")]
    [InlineData("a%20b", "a b")]
    public void Decode_LenientOnBadEscapes_KeepsThemAsText(string wire, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Decode(wire));
    }
}
