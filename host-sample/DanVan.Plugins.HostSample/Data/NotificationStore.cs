using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace DanVan.Plugins.HostSample.Data;

/// <summary>
/// Notifications received from the runtime: in memory by id and by idempotency key, appended to
/// {data}/notifications.jsonl and reloaded at start, so a retried key is recognised across restarts.
/// </summary>
internal sealed class NotificationStore
{
    // Vietnamese stays readable in the file (no \uXXXX escapes).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, StoredNotification> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredNotification> _byKey = new(StringComparer.Ordinal);
    private readonly string? _file;

    public NotificationStore(string? dataDirectory)
    {
        if (dataDirectory is null)
        {
            return;
        }

        Directory.CreateDirectory(dataDirectory);
        _file = Path.Combine(dataDirectory, "notifications.jsonl");
        if (File.Exists(_file))
        {
            foreach (var line in File.ReadLines(_file, Encoding.UTF8).Where(l => l.Length > 0))
            {
                // A line cut short by a crash mid-write is skipped; every whole line before it counts.
                StoredNotification? stored;
                try
                {
                    stored = JsonSerializer.Deserialize<StoredNotification>(line, Json);
                }
                catch (JsonException)
                {
                    continue;
                }

                if (stored is not null)
                {
                    _byId[stored.Id] = stored;
                    _byKey[stored.IdempotencyKey] = stored;
                }
            }
        }
    }

    public StoredNotification? Find(string id)
    {
        lock (_lock)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    public StoredNotification? FindByKey(string idempotencyKey)
    {
        lock (_lock)
        {
            return _byKey.GetValueOrDefault(idempotencyKey);
        }
    }

    public IReadOnlyList<StoredNotification> All()
    {
        lock (_lock)
        {
            return [.. _byId.Values.OrderBy(n => n.CreateTime)];
        }
    }

    /// <summary>Stores the notification unless its key is known; returns the stored one and whether it was already there.</summary>
    public (StoredNotification Notification, bool Duplicate) Add(StoredNotification notification)
    {
        lock (_lock)
        {
            if (_byKey.TryGetValue(notification.IdempotencyKey, out var existing))
            {
                return (existing, true);
            }

            if (_file is not null)
            {
                File.AppendAllText(_file, JsonSerializer.Serialize(notification, Json) + "\n", Utf8NoBom);
            }

            _byId[notification.Id] = notification;
            _byKey[notification.IdempotencyKey] = notification;
            return (notification, false);
        }
    }
}
