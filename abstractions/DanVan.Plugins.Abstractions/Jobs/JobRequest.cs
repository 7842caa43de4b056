using System.Text.Json;

namespace DanVan.Plugins.Jobs;

/// <summary>A job to schedule: which handler, when, with what payload, under which idempotency key.</summary>
public sealed class JobRequest
{
    /// <summary>
    /// The caller's key, unique within the plugin, 1..200 characters, e.g. <c>"han-bao-cao:2026"</c>.
    /// Scheduling a key that exists returns the existing job and changes nothing, so a plugin may
    /// schedule on every start. A key is used once: after <see cref="IJobScheduler.CancelAsync"/>
    /// schedule under a new key.
    /// </summary>
    public required string Key { get; init; }

    /// <summary>The handler's <see cref="IJobHandler.Name"/>.</summary>
    public required string JobName { get; init; }

    /// <summary>When the job runs: once, or recurring by a rule.</summary>
    public required JobSchedule Schedule { get; init; }

    /// <summary>Handed to the handler as <see cref="JobContext.Payload"/>; JSON by convention.</summary>
    public string? Payload { get; init; }

    /// <summary>Attempts per occurrence before it is dead-lettered (the last error is kept). Defaults to 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Serializes <paramref name="payload"/> as JSON (web defaults) for <see cref="Payload"/>.</summary>
    /// <remarks>Uses a fresh options instance, not the shared one, so no plugin type is cached in the runtime's context.</remarks>
    public static string Json<T>(T payload) => JsonSerializer.Serialize(payload, new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
