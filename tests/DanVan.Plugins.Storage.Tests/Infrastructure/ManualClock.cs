namespace DanVan.Plugins.Storage.Tests.Infrastructure;

/// <summary>A clock that says what the test set (audit times are checked exactly).</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
