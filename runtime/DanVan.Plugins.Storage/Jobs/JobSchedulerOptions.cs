namespace DanVan.Plugins.Storage.Jobs;

/// <summary>Settings of a <see cref="JobScheduler"/>; the defaults suit a province runtime.</summary>
public sealed class JobSchedulerOptions
{
    /// <summary>This instance's name in <c>locked_by</c> and the run history. Defaults to host:pid:random.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>How long a claim holds before another instance may take the occurrence over; renewed every third of it while the handler runs. Defaults to 5 minutes.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between polls, on <see cref="PollClock"/> (work added by other instances is found by polling). Defaults to 15 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The clock <see cref="PollInterval"/> is measured on: the wall clock by default, because polling
    /// only notices what other instances wrote; due times and retries are on the business
    /// <see cref="TimeProvider"/> given to the constructor. (On a test's clock a business-time poll
    /// made a jump of days fire it every few seconds of fake time.)
    /// </summary>
    public TimeProvider PollClock { get; set; } = TimeProvider.System;

    /// <summary>Occurrences claimed per round trip. Defaults to 10.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>Handlers run at once by this instance. Defaults to 4.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>The delay before the first retry; it doubles per attempt, with jitter. Defaults to 30 seconds.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest retry delay. Defaults to 1 hour.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an occurrence whose handler is not registered waits before it is offered again. Defaults to 1 minute.</summary>
    public TimeSpan MissingHandlerDelay { get; set; } = TimeSpan.FromMinutes(1);
}
