namespace DanVan.Plugins.Tasks.Tests.Infrastructure;

/// <summary>A clock stopped at one instant: resolution only asks "what day is today".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
