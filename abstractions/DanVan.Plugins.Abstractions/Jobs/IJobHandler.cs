namespace DanVan.Plugins.Jobs;

/// <summary>
/// Runs one named job type of a plugin. Implementations in the plugin's assembly are registered by the
/// runtime's scan, or by hand (<c>services.AddSingleton&lt;IJobHandler, MyHandler&gt;()</c>); the runtime finds the handler by
/// <see cref="Name"/> when an occurrence of a job scheduled under that name is due.
/// </summary>
/// <remarks>
/// An occurrence runs once per due time across every runtime instance, but a crash between the end
/// of <see cref="ExecuteAsync"/> and the runtime recording the success runs it again (at-least-once
/// around crashes): make handlers idempotent, e.g. key their writes by <see cref="JobContext.DueAt"/>.
/// Throwing fails the attempt; the runtime retries with backoff and dead-letters the occurrence after
/// <see cref="JobRequest.MaxAttempts"/>.
/// </remarks>
public interface IJobHandler
{
    /// <summary>The job type name used in <see cref="JobRequest.JobName"/>, e.g. <c>"nhac-han-bao-cao"</c>.</summary>
    string Name { get; }

    /// <summary>Runs one occurrence. The token is cancelled when the runtime stops or the plugin unloads.</summary>
    Task ExecuteAsync(JobContext context, CancellationToken cancellationToken);
}
