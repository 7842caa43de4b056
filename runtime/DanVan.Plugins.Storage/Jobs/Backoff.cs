namespace DanVan.Plugins.Storage.Jobs;

/// <summary>Exponential backoff with "equal jitter": between half and all of the doubled delay, so retries spread out but never come early.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max, double random)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Round(ceiling * (0.5 + (0.5 * random))));
    }
}
