using System.Text.RegularExpressions;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Data;
using Google.Protobuf.WellKnownTypes;

namespace DanVan.Plugins.HostSample.Services;

/// <summary>
/// danvan.host.v1.NotificationsService: validates, expands units to their users, and "delivers" in-app
/// at once (the sample has no e-mail or SMS), remembering idempotency keys in the notification store.
/// </summary>
internal sealed partial class NotificationsServiceImpl(HostStore store, NotificationStore notifications, TimeProvider time) : NotificationsService.NotificationsServiceBase
{
    private static readonly Role[] DefaultUnitRoles = [Role.UnitLeader, Role.Clerk];

    public override Task<SendNotificationResponse> SendNotification(SendNotificationRequest request, ServerCallContext context)
    {
        var violations = new List<(string Field, string Description)>();
        if (request.IdempotencyKey.Length == 0)
        {
            violations.Add(("idempotency_key", "idempotency_key là bắt buộc."));
        }
        else if (!KeyPattern().IsMatch(request.IdempotencyKey))
        {
            violations.Add(("idempotency_key", "idempotency_key gồm 1..128 ký tự [A-Za-z0-9._:-]."));
        }

        if (string.IsNullOrWhiteSpace(request.Title))
        {
            violations.Add(("title", "title là bắt buộc."));
        }
        else if (request.Title.Length > 200)
        {
            violations.Add(("title", "title dài tối đa 200 ký tự."));
        }

        if (request.Body.Length > 4000)
        {
            violations.Add(("body", "body dài tối đa 4000 ký tự."));
        }

        if (request.UserIds.Count == 0 && request.OrgUnitIds.Count == 0)
        {
            violations.Add(("user_ids", "Cần ít nhất một người nhận trong user_ids hoặc org_unit_ids."));
        }

        if (violations.Count > 0)
        {
            throw RichStatus.InvalidArgument("Yêu cầu gửi thông báo không hợp lệ.", [.. violations]);
        }

        // A repeated key answers the first call's result, even if the rest of the request differs.
        if (notifications.FindByKey(request.IdempotencyKey) is { } earlier)
        {
            return Task.FromResult(Response(earlier, duplicate: true));
        }

        var recipients = Recipients(request);
        var stored = new StoredNotification(
            Id: "tb-" + Guid.NewGuid().ToString("N"),
            IdempotencyKey: request.IdempotencyKey,
            CreateTime: time.GetUtcNow(),
            Title: request.Title,
            Body: request.Body,
            Severity: request.Severity.ToString(),
            PluginId: request.PluginId,
            DeepLinkUrl: request.DeepLink?.Url,
            ExpireTime: request.ExpireTime?.ToDateTimeOffset(),
            RecipientUserIds: recipients);
        var (kept, duplicate) = notifications.Add(stored);
        return Task.FromResult(Response(kept, duplicate));
    }

    public override Task<GetNotificationStatusResponse> GetNotificationStatus(GetNotificationStatusRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.NotificationId, "notification_id");
        var stored = Require.Found(notifications.Find(id), "thông báo", id);
        var created = Timestamp.FromDateTimeOffset(stored.CreateTime);
        var expired = stored.ExpireTime is { } expire && expire <= stored.CreateTime;
        var response = new GetNotificationStatusResponse
        {
            NotificationId = stored.Id,
            CreateTime = created,
            State = expired ? DeliveryState.Expired : stored.RecipientUserIds.Count > 0 ? DeliveryState.Delivered : DeliveryState.Failed,
        };
        foreach (var userId in stored.RecipientUserIds)
        {
            response.Deliveries.Add(expired
                ? new RecipientDelivery { UserId = userId, State = DeliveryState.Expired }
                : new RecipientDelivery { UserId = userId, State = DeliveryState.Delivered, DeliverTime = created });
        }

        return Task.FromResult(response);
    }

    private List<string> Recipients(SendNotificationRequest request)
    {
        var users = new List<User>();
        foreach (var id in request.UserIds)
        {
            users.Add(Require.Found(store.FindUser(id), "người dùng", id));
        }

        var today = Text.CivilDates.Today(time);
        var roles = request.UnitRoles.Count > 0 ? request.UnitRoles.ToArray() : DefaultUnitRoles;
        foreach (var id in request.OrgUnitIds)
        {
            var unit = Require.Found(store.FindUnit(id), "đơn vị", id);
            if (!HostStore.IsValidOn(unit, today))
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Đơn vị \"{unit.FullName}\" đã giải thể; hãy gửi cho đơn vị kế thừa."));
            }

            users.AddRange(store.Users.Where(u => u.RoleAssignments.Any(a => a.OrgUnitId == id && roles.Contains(a.Role))));
        }

        // Inactive accounts receive nothing (directory.proto, User.active).
        return users.Where(u => u.Active).Select(u => u.Id).Distinct(StringComparer.Ordinal).ToList();
    }

    private static SendNotificationResponse Response(StoredNotification stored, bool duplicate) =>
        new() { NotificationId = stored.Id, Duplicate = duplicate, RecipientCount = stored.RecipientUserIds.Count };

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex KeyPattern();
}
