using System.Text.Json;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>One admin action in the audit log.</summary>
public sealed record AdminAuditEntry(DateTimeOffset At, string Actor, string Action, string PluginId, string Outcome, string? Detail)
{
    /// <summary>Why the administrator did it, as given with the request; null when none was given.</summary>
    public string? Reason { get; init; }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
