using DanVan.Plugins.Conformance.Infrastructure;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Conformance;

/// <summary>Every service refuses calls without the runtime's credential (UNAUTHENTICATED).</summary>
public sealed class AuthenticationTests(ConformanceHosts hosts) : ConformanceTest(hosts)
{
    [Theory, MemberData(nameof(Targets))]
    public async Task NoToken_OrAWrongToken_IsUnauthenticated_OnEveryService(string target)
    {
        var host = await HostAsync(target);
        foreach (var token in new[] { null, "not-the-runtime-token" })
        {
            using var channel = host.ChannelWithToken(token);
            var directory = new DirectoryService.DirectoryServiceClient(channel);
            var documents = new DocumentsService.DocumentsServiceClient(channel);
            var notifications = new NotificationsService.NotificationsServiceClient(channel);
            var label = token is null ? "without a token" : "with a wrong token";
            await Expect.Status(StatusCode.Unauthenticated, () => directory.ListOrgUnitsAsync(new ListOrgUnitsRequest(), deadline: HostTarget.Deadline).ResponseAsync, "ListOrgUnits " + label);
            await Expect.Status(StatusCode.Unauthenticated, () => documents.ListDocumentsAsync(new ListDocumentsRequest(), deadline: HostTarget.Deadline).ResponseAsync, "ListDocuments " + label);
            await Expect.Status(StatusCode.Unauthenticated, () => notifications.GetNotificationStatusAsync(new GetNotificationStatusRequest { NotificationId = "x" }, deadline: HostTarget.Deadline).ResponseAsync,
                "GetNotificationStatus " + label);
        }
    }
}
