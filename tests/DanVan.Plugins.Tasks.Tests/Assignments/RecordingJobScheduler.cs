using System.Collections.Concurrent;
using DanVan.Plugins.Jobs;

namespace DanVan.Plugins.Tasks.Tests.Assignments;

/// <summary>An in-memory job scheduler with the runtime's key rule (a key scheduled again changes nothing), recording what was scheduled.</summary>
internal sealed class RecordingJobScheduler : IJobScheduler
{
    private readonly ConcurrentDictionary<string, JobRequest> jobs = new(StringComparer.Ordinal);

    public IReadOnlyCollection<JobRequest> Jobs => [.. jobs.Values];

    public Task<ScheduledJob> ScheduleAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        var created = jobs.TryAdd(request.Key, request);
        return Task.FromResult(new ScheduledJob(request.Key, request.Key, request.JobName, request.Schedule, created, false));
    }

    public Task<ScheduledJob?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(jobs.TryGetValue(key, out var r) ? new ScheduledJob(r.Key, r.Key, r.JobName, r.Schedule, false, false) : null);

    public Task<bool> CancelAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(jobs.TryRemove(key, out _));
}
