namespace DanVan.Plugins.HostSample.Data;

/// <summary>One accepted notification as kept in memory and written, one JSON object a line, to notifications.jsonl.</summary>
internal sealed record StoredNotification(
    string Id,
    string IdempotencyKey,
    DateTimeOffset CreateTime,
    string Title,
    string Body,
    string Severity,
    string PluginId,
    string? DeepLinkUrl,
    DateTimeOffset? ExpireTime,
    IReadOnlyList<string> RecipientUserIds);
