namespace DanVan.Plugins.Runtime.Packaging.Tests;

public sealed class SemanticVersionTests
{
    [Fact]
    public void CompareTo_SemverSpecExample_OrdersByPrecedence()
    {
        // The precedence example from semver.org §11, plus the core ordering around it.
        string[] ordered =
        [
            "0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
            "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0",
        ];

        var shuffled = ordered.Reverse().Select(SemanticVersion.Parse).ToList();
        shuffled.Sort();

        Assert.Equal(ordered, shuffled.Select(v => v.ToString()));
        for (var i = 1; i < ordered.Length; i++)
        {
            Assert.True(SemanticVersion.Parse(ordered[i - 1]) < SemanticVersion.Parse(ordered[i]), $"{ordered[i - 1]} < {ordered[i]}");
        }
    }

    [Fact]
    public void Equals_BuildMetadataDiffers_EqualPrecedence()
    {
        var a = SemanticVersion.Parse("1.2.3+build.5");
        var b = SemanticVersion.Parse("1.2.3+build.6");

        Assert.Equal(a, b);
        Assert.Equal(0, a.CompareTo(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("1.2.3+build.5", a.ToString());
    }

    [Fact]
    public void CompareTo_HugeNumericPrereleaseIdentifiers_ComparesNumerically()
    {
        Assert.True(SemanticVersion.Parse("1.0.0-99999999999999999999") > SemanticVersion.Parse("1.0.0-9999999999999999999"));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1")]
    [InlineData("01.0.0")]
    [InlineData("1.00.0")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0-01")]
    [InlineData("1.0.0-beta..1")]
    [InlineData("1.0.0+")]
    [InlineData("v1.0.0")]
    [InlineData(" 1.0.0")]
    [InlineData("1.0.0\n")]
    [InlineData("99999999999.0.0")]
    [InlineData("")]
    public void TryParse_NotSemver_False(string text)
    {
        Assert.False(SemanticVersion.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SemanticVersion.Parse(text));
    }

    [Theory]
    [InlineData("0.0.0", 0, 0, 0, "", "")]
    [InlineData("1.2.3-rc.1+sha.abc", 1, 2, 3, "rc.1", "sha.abc")]
    [InlineData("10.20.30-alpha-2.0", 10, 20, 30, "alpha-2.0", "")]
    public void Parse_Valid_ExposesParts(string text, int major, int minor, int patch, string prerelease, string build)
    {
        var version = SemanticVersion.Parse(text);

        Assert.Equal((major, minor, patch, prerelease, build), (version.Major, version.Minor, version.Patch, version.Prerelease, version.BuildMetadata));
        Assert.Equal(prerelease.Length > 0, version.IsPrerelease);
        Assert.Equal(text, version.ToString());
    }
}
