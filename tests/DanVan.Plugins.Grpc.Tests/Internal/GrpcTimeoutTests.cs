using DanVan.Plugins.Grpc.Internal;
using FsCheck;
using FsCheck.Fluent;

namespace DanVan.Plugins.Grpc.Tests.Internal;

public sealed class GrpcTimeoutTests
{
    private const long MaxTicks = 99_999_999 * TimeSpan.TicksPerHour;

    [Fact]
    public void FormatThenTryParse_AnyPositiveTimeout_AtLeastOriginalAndWithinOneUnit()
    {
        // Magnitudes spread over every unit: pick a power of two, then a value below it.
        var gen =
            from bits in Gen.Choose(0, 59)
            from ticks in FsCheck.FSharp.Gen.Choose64(1, Math.Min(1L << bits, MaxTicks))
            select ticks;

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(gen.ToArbitrary(), ticks =>
        {
            var original = TimeSpan.FromTicks(ticks);
            var text = GrpcTimeout.Format(original);

            Assert.InRange(text.Length, 2, 9);
            Assert.All(text[..^1], c => Assert.True(char.IsAsciiDigit(c)));
            Assert.True(GrpcTimeout.TryParse(text, out var parsed), text);
            var unit = text[^1] switch
            {
                'u' => 10,
                'm' => TimeSpan.TicksPerMillisecond,
                'S' => TimeSpan.TicksPerSecond,
                'M' => TimeSpan.TicksPerMinute,
                'H' => TimeSpan.TicksPerHour,
                _ => throw new InvalidOperationException("unexpected unit in " + text),
            };
            Assert.True(parsed >= original, $"{text} parsed to {parsed.Ticks} < {ticks}");
            Assert.True(parsed.Ticks - ticks < unit, $"{text} parsed to {parsed.Ticks}, more than one unit over {ticks}");
        }));
    }

    [Theory]
    [InlineData(1, "1u")]
    [InlineData(10, "1u")]
    [InlineData(11, "2u")]
    [InlineData(TimeSpan.TicksPerSecond, "1000000u")]
    [InlineData(99_999_999 * 10L, "99999999u")]
    [InlineData(100 * TimeSpan.TicksPerSecond, "100000m")]
    [InlineData(0, "1u")]
    [InlineData(-5, "1u")]
    public void Format_Examples_FinestUnitRoundedUp(long ticks, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void Format_BeyondEightDigitsOfHours_ClampedTo99999999H()
    {
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.MaxValue));
    }

    [Theory]
    [InlineData("1H", TimeSpan.TicksPerHour)]
    [InlineData("2M", 2 * TimeSpan.TicksPerMinute)]
    [InlineData("3S", 3 * TimeSpan.TicksPerSecond)]
    [InlineData("4m", 4 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5u", 50)]
    [InlineData("600n", 6)]
    [InlineData("0m", 0)]
    [InlineData("99999999H", 99_999_999 * TimeSpan.TicksPerHour)]
    public void TryParse_ValidValues_Parsed(string text, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(text, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("5")]
    [InlineData("123456789S")]
    [InlineData("-1S")]
    [InlineData("+1S")]
    [InlineData("1.5S")]
    [InlineData("10s")]
    [InlineData("10x")]
    [InlineData(" 1S")]
    [InlineData("１S")]
    public void TryParse_InvalidValues_False(string? text)
    {
        Assert.False(GrpcTimeout.TryParse(text, out _));
    }
}
