namespace DanVan.Plugins.Jobs;

/// <summary>
/// Durable jobs of the calling plugin, from the plugin's services. Jobs are stored in the runtime's
/// database: they survive restarts and upgrades, run once per due time even with several runtime
/// instances on one PostgreSQL, and wait (neither lost nor failed) while the plugin is disabled.
/// </summary>
public interface IJobScheduler
{
    /// <summary>
    /// Schedules a job, or returns the existing one when <see cref="JobRequest.Key"/> was scheduled
    /// before (<see cref="ScheduledJob.Created"/> is then false and nothing changes).
    /// </summary>
    /// <exception cref="ArgumentException">A field of the request is empty or out of range.</exception>
    Task<ScheduledJob> ScheduleAsync(JobRequest request, CancellationToken cancellationToken = default);

    /// <summary>The job scheduled under <paramref name="key"/>, or null.</summary>
    Task<ScheduledJob?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels the job: occurrences not yet started never run; one already running finishes.
    /// Returns false when no active job has that key.
    /// </summary>
    Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default);
}
