using System.Net;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Data;

namespace DanVan.Plugins.HostSample.Tests;

/// <summary>Notifications survive a restart (idempotency across restarts); deep links open the web shell; the development token.</summary>
public sealed class PersistenceAndWebTests
{
    [Fact]
    public async Task RepeatedKey_AfterARestart_ReturnsTheFirstNotification()
    {
        var data = Directory.CreateTempSubdirectory("danvan-host-sample-restart-").FullName;
        var request = new SendNotificationRequest { IdempotencyKey = "danvan.tasks:restart-1", UserIds = { SeedUsers.TanHungOfficer }, Title = "Nhiệm vụ sắp đến hạn" };
        string firstId;
        await using (var host = await RunningHost.StartAsync(data))
        {
            firstId = (await host.Notifications.SendNotificationAsync(request)).NotificationId;
        }

        await using (var host = await RunningHost.StartAsync(data))
        {
            var again = await host.Notifications.SendNotificationAsync(request);
            Assert.Equal((firstId, true), (again.NotificationId, again.Duplicate));
            var status = await host.Notifications.GetNotificationStatusAsync(new GetNotificationStatusRequest { NotificationId = firstId });
            Assert.Equal([SeedUsers.TanHungOfficer], status.Deliveries.Select(d => d.UserId));
        }

        await using (var host = await RunningHost.StartAsync(data))
        {
            // The officer's own "Thông báo" page in the web shell shows it; another officer's does not, and nobody's without signing in.
            Assert.Contains("Nhiệm vụ sắp đến hạn", await InboxAsync(host, SeedUsers.TanHungOfficer), StringComparison.Ordinal);
            Assert.Contains("Thông báo (1)", await InboxAsync(host, SeedUsers.TanHungOfficer), StringComparison.Ordinal);
            Assert.DoesNotContain("Nhiệm vụ sắp đến hạn", await InboxAsync(host, SeedUsers.PhoHienOfficer), StringComparison.Ordinal);
            using var anonymous = new HttpClient();
            var signIn = await anonymous.GetAsync(new Uri(host.WebAddress, "/thong-bao"));
            Assert.Equal("/dang-nhap", signIn.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.DoesNotContain("Nhiệm vụ sắp đến hạn", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var lines = File.ReadAllLines(Path.Combine(data, "notifications.jsonl"));
        Assert.Single(lines);
        Assert.Contains("Nhiệm vụ sắp đến hạn", lines[0], StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }

    private static async Task<string> InboxAsync(RunningHost host, string userId)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() });
        using var signIn = await http.PostAsync(new Uri(host.WebAddress, "/dang-nhap"), new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = userId, ["tiep"] = "/thong-bao" }));
        signIn.EnsureSuccessStatusCode();
        return await signIn.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task DeepLinks_OpenPagesOfTheWebShell_OverHttp11_AfterSignIn()
    {
        await using var host = await RunningHost.StartAsync();
        var link = await host.Documents.GetDeepLinkAsync(new GetDeepLinkRequest { DocumentId = SeedDocuments.Seed003 });
        Assert.StartsWith(host.WebAddress.AbsoluteUri, link.DeepLink.Url, StringComparison.Ordinal);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() });

        // A deep link from another system asks the officer to sign in, then opens what it pointed to.
        var signIn = await http.GetAsync(link.DeepLink.Url);
        Assert.Equal("/dang-nhap", signIn.RequestMessage!.RequestUri!.AbsolutePath);
        var returnPath = System.Web.HttpUtility.ParseQueryString(signIn.RequestMessage.RequestUri.Query)["tiep"];
        Assert.Equal(new Uri(link.DeepLink.Url).PathAndQuery, returnPath);
        var page = await (await http.PostAsync(new Uri(host.WebAddress, "/dang-nhap"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = SeedUsers.TanHungOfficer,
            ["tiep"] = returnPath!,
        }))).Content.ReadAsStringAsync();
        Assert.Contains("ỦY BAN NHÂN DÂN HUYỆN THÁP MƯỜI", page, StringComparison.Ordinal);

        var unit = await host.Documents.GetDeepLinkAsync(new GetDeepLinkRequest { OrgUnitId = SeedOrgUnits.TanHung });
        Assert.Contains("Ủy ban nhân dân xã Tân Hưng", await http.GetStringAsync(unit.DeepLink.Url), StringComparison.Ordinal);
        var missing = await http.GetAsync(new Uri(host.WebAddress, "/van-ban/khong-co"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task WithoutConfiguredTokens_TheDevelopmentTokenIsAccepted_AndOthersAreNot()
    {
        await using var host = await RunningHost.StartAsync(configureToken: false);
        using var dev = GrpcChannel.ForAddress(host.GrpcAddress, new GrpcChannelOptions { Credentials = CallCredentials.FromBearerToken(HostSampleOptions.DevelopmentToken) });
        var unit = await new DirectoryService.DirectoryServiceClient(dev).GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = SeedOrgUnits.Province });
        Assert.Equal("Ủy ban nhân dân tỉnh Hưng Yên", unit.OrgUnit.FullName);
        var e = await Assert.ThrowsAsync<RpcException>(() => host.Directory.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = SeedOrgUnits.Province }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
    }

    [Fact]
    public async Task Health_ReportsEachHostServiceServing_WithoutAToken()
    {
        await using var host = await RunningHost.StartAsync();
        using var anonymous = GrpcChannel.ForAddress(host.GrpcAddress);
        var health = new global::Grpc.Health.V1.Health.HealthClient(anonymous);
        foreach (var service in new[] { DirectoryService.ServiceName, DocumentsService.ServiceName, NotificationsService.ServiceName })
        {
            var reply = await health.CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest { Service = service });
            Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
        }
    }
}
