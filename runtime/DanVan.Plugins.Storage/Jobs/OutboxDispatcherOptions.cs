namespace DanVan.Plugins.Storage.Jobs;

/// <summary>Settings of an <see cref="OutboxDispatcher"/>.</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>This instance's name in <c>danvan_outbox.locked_by</c>. Defaults to host:pid:random.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long a claimed message is held before another instance may send it. Defaults to 2 minutes.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest wait between polls, on <see cref="PollClock"/>. Defaults to 10 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The clock <see cref="PollInterval"/> is measured on: the wall clock by default, because polling
    /// only notices what other instances wrote; due times and retries are on the business
    /// <see cref="TimeProvider"/> given to the constructor. (On a test's clock a business-time poll
    /// made a jump of days fire it every few seconds of fake time.)
    /// </summary>
    public TimeProvider PollClock { get; set; } = TimeProvider.System;

    /// <summary>Messages claimed per round trip. Defaults to 20.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long one SendNotification call may take, on the wall clock (a network bound, not business time). Defaults to 30 seconds.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The delay after the first failed send; it doubles per attempt, with jitter. Defaults to 2 seconds.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between sends of one message; there is no attempt limit for a host that is down. Defaults to 5 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
