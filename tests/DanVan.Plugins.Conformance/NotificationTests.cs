using DanVan.Plugins.Conformance.Infrastructure;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Conformance;

/// <summary>NotificationsService: idempotent sending, validation, unknown and dissolved recipients, status.</summary>
public sealed class NotificationTests(ConformanceHosts hosts) : ConformanceTest(hosts)
{
    [Theory, MemberData(nameof(Targets))]
    public async Task Send_RepeatedKey_ReturnsTheFirstResult_AndStatusIsKnown(string target)
    {
        var host = await HostAsync(target);
        var user = await Discovery.ActiveUserAsync(host);
        var request = Valid(user.Id);
        var first = await host.Notifications.SendNotificationAsync(request, deadline: HostTarget.Deadline);
        Assert.NotEmpty(first.NotificationId);
        Assert.False(first.Duplicate);
        Assert.True(first.RecipientCount >= 1, "A notification to one active user must count that user.");

        var changed = request.Clone();
        changed.Title = "Tiêu đề khác, cùng khóa";
        var again = await host.Notifications.SendNotificationAsync(changed, deadline: HostTarget.Deadline);
        Assert.Equal(first.NotificationId, again.NotificationId);
        Assert.True(again.Duplicate);

        var status = await host.Notifications.GetNotificationStatusAsync(new GetNotificationStatusRequest { NotificationId = first.NotificationId }, deadline: HostTarget.Deadline);
        Assert.Equal(first.NotificationId, status.NotificationId);
        Assert.NotEqual(DeliveryState.Unspecified, status.State);
        Assert.All(status.Deliveries, d => Assert.NotEmpty(d.UserId));
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Send_ToAUnitWithRoles_ReachesItsUsersHoldingThem(string target)
    {
        var host = await HostAsync(target);
        var user = await Discovery.ActiveUserAsync(host);
        var assignment = user.RoleAssignments[0];
        var request = Valid(user.Id);
        request.UserIds.Clear();
        request.OrgUnitIds.Add(assignment.OrgUnitId);
        request.UnitRoles.Add(assignment.Role);
        var sent = await host.Notifications.SendNotificationAsync(request, deadline: HostTarget.Deadline);
        Assert.True(sent.RecipientCount >= 1, $"A notification to unit {assignment.OrgUnitId} for role {assignment.Role} reached nobody, though {user.Id} holds it there.");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Send_MalformedRequests_AreInvalidArgument(string target)
    {
        var host = await HostAsync(target);
        var user = await Discovery.ActiveUserAsync(host);
        await Invalid(host, Valid(user.Id, key: ""), "idempotency_key", "no idempotency key");
        await Invalid(host, Valid(user.Id, key: "khóa có dấu cách"), "idempotency_key", "a malformed idempotency key");
        await Invalid(host, Valid(user.Id, key: new string('k', 129)), "idempotency_key", "a 129-character idempotency key");
        var empty = Valid(user.Id);
        empty.Title = "";
        await Invalid(host, empty, "title", "an empty title");
        var nobody = Valid(user.Id);
        nobody.UserIds.Clear();
        await Expect.Status(StatusCode.InvalidArgument, () => host.Notifications.SendNotificationAsync(nobody, deadline: HostTarget.Deadline).ResponseAsync, "SendNotification with no recipients");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task Send_UnknownUser_IsNotFound_DissolvedUnit_IsFailedPrecondition(string target)
    {
        var host = await HostAsync(target);
        await Expect.Status(StatusCode.NotFound,
            () => host.Notifications.SendNotificationAsync(Valid("conformance-no-such-user"), deadline: HostTarget.Deadline).ResponseAsync, "SendNotification to an unknown user");
        var unknownUnit = Valid("x");
        unknownUnit.UserIds.Clear();
        unknownUnit.OrgUnitIds.Add("conformance-no-such-unit");
        await Expect.Status(StatusCode.NotFound, () => host.Notifications.SendNotificationAsync(unknownUnit, deadline: HostTarget.Deadline).ResponseAsync, "SendNotification to an unknown unit");
        var dissolved = await Discovery.DissolvedUnitAsync(host);
        var toDissolved = Valid("x");
        toDissolved.UserIds.Clear();
        toDissolved.OrgUnitIds.Add(dissolved.Id);
        await Expect.Status(StatusCode.FailedPrecondition, () => host.Notifications.SendNotificationAsync(toDissolved, deadline: HostTarget.Deadline).ResponseAsync,
            $"SendNotification to dissolved unit {dissolved.Id}");
    }

    [Theory, MemberData(nameof(Targets))]
    public async Task GetNotificationStatus_EmptyId_IsInvalidArgument_UnknownId_IsNotFound(string target)
    {
        var host = await HostAsync(target);
        await Expect.InvalidArgument(() => host.Notifications.GetNotificationStatusAsync(new GetNotificationStatusRequest(), deadline: HostTarget.Deadline).ResponseAsync,
            "notification_id", "GetNotificationStatus without an id");
        await Expect.Status(StatusCode.NotFound,
            () => host.Notifications.GetNotificationStatusAsync(new GetNotificationStatusRequest { NotificationId = "conformance-no-such-notification" }, deadline: HostTarget.Deadline).ResponseAsync,
            "GetNotificationStatus of an unknown id");
    }

    private static SendNotificationRequest Valid(string userId, string? key = null) => new()
    {
        IdempotencyKey = key ?? "danvan.conformance:" + Guid.NewGuid().ToString("N"),
        UserIds = { userId },
        Title = "Nhiệm vụ sắp đến hạn",
        Body = "Báo cáo kết quả thực hiện công tác dân vận chính quyền trước ngày 15/11.",
        Severity = NotificationSeverity.Warning,
        PluginId = "danvan.conformance",
    };

    private static Task Invalid(HostTarget host, SendNotificationRequest request, string field, string what) =>
        Expect.InvalidArgument(() => host.Notifications.SendNotificationAsync(request, deadline: HostTarget.Deadline).ResponseAsync, field, "SendNotification with " + what);
}
