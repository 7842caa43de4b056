using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>Every admin action, who did it and when, appended as one JSON line to admin-audit.jsonl and logged.</summary>
internal sealed partial class AdminAuditLog(string path, TimeProvider time, ILogger<AdminAuditLog> logger)
{
    private readonly Lock _lock = new();

    /// <summary>The runtime's clock, which stamps the entries.</summary>
    public TimeProvider Time => time;

    public void Record(string actor, string action, string pluginId, string outcome, string? detail = null, string? reason = null)
    {
        var entry = new AdminAuditEntry(time.GetUtcNow(), actor, action, pluginId, outcome, detail) { Reason = string.IsNullOrWhiteSpace(reason) ? null : reason };
        lock (_lock)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.AppendAllText(path, JsonSerializer.Serialize(entry, AdminAuditEntry.Json) + "\n");
        }

        LogAction(logger, actor, action, pluginId, outcome, detail, entry.Reason);
    }

    public IReadOnlyList<AdminAuditEntry> Read()
    {
        lock (_lock)
        {
            return File.Exists(path)
                ? File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<AdminAuditEntry>(l, AdminAuditEntry.Json)!).ToList()
                : [];
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Admin {Actor} {Action} {PluginId}: {Outcome} {Detail} (reason: {Reason})")]
    private static partial void LogAction(ILogger logger, string actor, string action, string pluginId, string outcome, string? detail, string? reason);
}
