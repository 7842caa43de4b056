namespace DanVan.Plugins.Grpc;

/// <summary>
/// Retries for idempotent unary calls (rpcs the proto marks <c>idempotency_level = IDEMPOTENT</c>
/// or <c>NO_SIDE_EFFECTS</c>). A call is retried only while no response message has arrived,
/// within its deadline, with exponential backoff and full jitter; the server can ask for a
/// pause with <c>grpc-retry-pushback-ms</c> (a negative value stops the retries).
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Attempts in all, the first included. Defaults to 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The upper bound of the first backoff. Defaults to 100 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The largest backoff. Defaults to 5 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How much the backoff bound grows per attempt. Defaults to 2.</summary>
    public double BackoffMultiplier { get; init; } = 2;

    /// <summary>The status codes that are retried. Defaults to UNAVAILABLE.</summary>
    public IReadOnlySet<StatusCode> RetryableStatusCodes { get; init; } = new HashSet<StatusCode> { StatusCode.Unavailable };
}
