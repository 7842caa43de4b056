namespace DanVan.Plugins.HostSample.Tests;

/// <summary>A clock that stays at one instant, so "today" in the host is the same in every run.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;
}
