using System.Text.Json;

namespace DanVan.Plugins.Jobs;

/// <summary>What a handler knows about the occurrence it runs.</summary>
public sealed class JobContext
{
    /// <summary>Creates a context; the runtime does this for every attempt.</summary>
    public JobContext(string jobId, string pluginId, string key, string jobName, DateTimeOffset dueAt, int attempt, string? payload)
    {
        JobId = jobId;
        PluginId = pluginId;
        Key = key;
        JobName = jobName;
        DueAt = dueAt;
        Attempt = attempt;
        Payload = payload;
    }

    /// <summary>The runtime's id of the job (stable across its occurrences).</summary>
    public string JobId { get; }

    /// <summary>The plugin the job belongs to.</summary>
    public string PluginId { get; }

    /// <summary>The caller's key the job was scheduled under (<see cref="JobRequest.Key"/>).</summary>
    public string Key { get; }

    /// <summary>The job type (<see cref="IJobHandler.Name"/>).</summary>
    public string JobName { get; }

    /// <summary>When this occurrence was due (UTC offset of the schedule); the same on every retry.</summary>
    public DateTimeOffset DueAt { get; }

    /// <summary>1 for the first attempt at this occurrence, 2 for the first retry, and so on.</summary>
    public int Attempt { get; }

    /// <summary>The payload given when scheduling, usually JSON; null when none was given.</summary>
    public string? Payload { get; }

    /// <summary>Reads <see cref="Payload"/> as JSON (web defaults: camelCase, case-insensitive).</summary>
    /// <remarks>
    /// Without <paramref name="options"/> a fresh options instance is used on purpose: the shared
    /// <see cref="JsonSerializerOptions.Web"/> lives in the runtime's context and would cache the
    /// plugin's types, keeping an unloaded plugin in memory.
    /// </remarks>
    public T? PayloadAs<T>(JsonSerializerOptions? options = null) =>
        Payload is null ? default : JsonSerializer.Deserialize<T>(Payload, options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
