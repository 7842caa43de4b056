using DanVan.Plugins.Jobs;

namespace DanVan.Plugins.Storage.Jobs;

/// <summary>An occurrence a worker holds the lease on, with what its handler needs.</summary>
internal sealed record ClaimedOccurrence(
    long Id,
    string JobId,
    string PluginId,
    string Key,
    string JobName,
    JobSchedule Schedule,
    string? Payload,
    int MaxAttempts,
    DateTimeOffset DueAt,
    int Attempt);
