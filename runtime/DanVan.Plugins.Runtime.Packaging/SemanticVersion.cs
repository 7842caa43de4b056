using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DanVan.Plugins.Runtime.Packaging;

/// <summary>
/// A Semantic Versioning 2.0.0 version: <c>major.minor.patch[-prerelease][+build]</c>. Ordering
/// follows semver precedence: prerelease sorts before the release, identifiers compare
/// numerically or by ASCII, and build metadata is ignored. Equality is precedence equality,
/// so <c>1.0.0+a</c> equals <c>1.0.0+b</c>.
/// </summary>
public sealed partial class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    private const int MaxLength = 256;

    private readonly string[] prereleaseIdentifiers;

    private SemanticVersion(int major, int minor, int patch, string prerelease, string buildMetadata)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        BuildMetadata = buildMetadata;
        prereleaseIdentifiers = prerelease.Length == 0 ? [] : prerelease.Split('.');
    }

    /// <summary>The major version.</summary>
    public int Major { get; }

    /// <summary>The minor version.</summary>
    public int Minor { get; }

    /// <summary>The patch version.</summary>
    public int Patch { get; }

    /// <summary>The prerelease label without the '-', e.g. <c>beta.2</c>; empty for a release.</summary>
    public string Prerelease { get; }

    /// <summary>The build metadata without the '+'; empty when none. Ignored for ordering.</summary>
    public string BuildMetadata { get; }

    /// <summary>True when there is a prerelease label.</summary>
    public bool IsPrerelease => Prerelease.Length > 0;

    /// <summary>Parses a version.</summary>
    /// <exception cref="FormatException">Not a semantic version.</exception>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a semantic version (major.minor.patch[-prerelease][+build]).");

    /// <summary>Parses a version, returning false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SemanticVersion? version)
    {
        version = null;
        if (text is null || text.Length > MaxLength)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success
            || !int.TryParse(match.Groups["major"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(match.Groups["minor"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || !int.TryParse(match.Groups["patch"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var patch))
        {
            return false;
        }

        version = new SemanticVersion(major, minor, patch, match.Groups["pre"].Value, match.Groups["build"].Value);
        return true;
    }

    /// <summary>Compares by semver precedence.</summary>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byCore = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byCore != 0)
        {
            return byCore;
        }

        // A release outranks any of its prereleases.
        if (!IsPrerelease || !other.IsPrerelease)
        {
            return other.IsPrerelease.CompareTo(IsPrerelease);
        }

        var count = Math.Min(prereleaseIdentifiers.Length, other.prereleaseIdentifiers.Length);
        for (var i = 0; i < count; i++)
        {
            var byIdentifier = CompareIdentifiers(prereleaseIdentifiers[i], other.prereleaseIdentifiers[i]);
            if (byIdentifier != 0)
            {
                return byIdentifier;
            }
        }

        return prereleaseIdentifiers.Length.CompareTo(other.prereleaseIdentifiers.Length);
    }

    /// <summary>True when both have the same precedence (build metadata ignored).</summary>
    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SemanticVersion other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, StringComparer.Ordinal.GetHashCode(Prerelease));

    /// <summary>The version as written, build metadata included.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        if (IsPrerelease)
        {
            text += "-" + Prerelease;
        }

        return BuildMetadata.Length > 0 ? text + "+" + BuildMetadata : text;
    }

    /// <summary>Precedence equality.</summary>
    public static bool operator ==(SemanticVersion? left, SemanticVersion? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Precedence inequality.</summary>
    public static bool operator !=(SemanticVersion? left, SemanticVersion? right) => !(left == right);

    /// <summary>Lower precedence.</summary>
    public static bool operator <(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) < 0;

    /// <summary>Lower or equal precedence.</summary>
    public static bool operator <=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) <= 0;

    /// <summary>Higher precedence.</summary>
    public static bool operator >(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) > 0;

    /// <summary>Higher or equal precedence.</summary>
    public static bool operator >=(SemanticVersion? left, SemanticVersion? right) => Compare(left, right) >= 0;

    private static int Compare(SemanticVersion? left, SemanticVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static int CompareIdentifiers(string left, string right)
    {
        var leftNumeric = left.All(char.IsAsciiDigit);
        var rightNumeric = right.All(char.IsAsciiDigit);
        if (leftNumeric && rightNumeric)
        {
            // No leading zeros are allowed, so the longer number is the larger; this avoids overflow on huge identifiers.
            return left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);
        }

        // Numeric identifiers have lower precedence than alphanumeric ones.
        if (leftNumeric != rightNumeric)
        {
            return leftNumeric ? -1 : 1;
        }

        return Math.Sign(string.CompareOrdinal(left, right));
    }

    // The regular expression recommended at semver.org, with \z so a trailing newline is refused.
    [GeneratedRegex(
        @"^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)"
        + @"(?:-(?<pre>(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
        + @"(?:\+(?<build>[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();
}
