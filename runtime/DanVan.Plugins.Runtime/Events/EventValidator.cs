using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins.Runtime.Events;

/// <summary>The rules an event must meet (events_service.proto); a broken one is rejected for good, with a Vietnamese and English reason.</summary>
internal static class EventValidator
{
    public const int MaxEventIdLength = 128;

    /// <summary>The reason to reject the event, or null when it is acceptable.</summary>
    public static string? Problem(Event? hostEvent)
    {
        if (hostEvent is null)
        {
            return "Thông điệp không chứa sự kiện (the request carries no event).";
        }

        if (hostEvent.EventId.Length == 0)
        {
            return "Thiếu event_id (event_id is empty).";
        }

        if (hostEvent.EventId.Length > MaxEventIdLength)
        {
            return $"event_id dài quá {MaxEventIdLength} ký tự (event_id is longer than {MaxEventIdLength} characters).";
        }

        if (hostEvent.OccurredAt is null)
        {
            return "Thiếu thời điểm xảy ra occurred_at (occurred_at is unset).";
        }

        if (hostEvent.OccurredAt.Nanos is < 0 or > 999_999_999 || hostEvent.OccurredAt.Seconds is < -62135596800 or > 253402300799)
        {
            return "occurred_at không phải thời điểm hợp lệ (occurred_at is not a valid timestamp).";
        }

        if (hostEvent.PayloadCase == Event.PayloadOneofCase.None && !HasUnknownPayload(hostEvent))
        {
            return "Sự kiện không có nội dung (the event has no payload).";
        }

        return null;
    }

    /// <summary>
    /// True when the event carries fields this runtime does not know, i.e. a payload from a newer host:
    /// such an event is accepted and ignored rather than rejected.
    /// </summary>
    public static bool HasUnknownPayload(Event hostEvent)
    {
        if (hostEvent.PayloadCase != Event.PayloadOneofCase.None)
        {
            return false;
        }

        // Unknown fields survive parsing and serialise back; without the known ones, anything left is unknown.
        var probe = hostEvent.Clone();
        probe.EventId = "";
        probe.OccurredAt = null;
        return probe.CalculateSize() > 0;
    }
}
