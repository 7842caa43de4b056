namespace DanVan.Plugins.Jobs;

/// <summary>A job as stored by the runtime.</summary>
/// <param name="Id">The runtime's id of the job.</param>
/// <param name="Key">The caller's key.</param>
/// <param name="JobName">The handler name.</param>
/// <param name="Schedule">When it runs.</param>
/// <param name="Created">True when this call created the job; false when the key existed already.</param>
/// <param name="Cancelled">True when the job was cancelled; it runs no more occurrences.</param>
public sealed record ScheduledJob(string Id, string Key, string JobName, JobSchedule Schedule, bool Created, bool Cancelled);
