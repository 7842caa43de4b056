using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Data;
using Google.Rpc;

namespace DanVan.Plugins.HostSample.Tests;

/// <summary>What the sample host does beyond what the conformance kit may assume of any host, over real HTTP/2.</summary>
public sealed class HostBehaviourTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task InvalidArguments_CarryBadRequestDetails_InVietnamese()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _host.Directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { PageSize = -1 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var violation = Assert.Single(e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("page_size", violation.Field);
        Assert.Contains("lớn hơn hoặc bằng 0", violation.Description, StringComparison.Ordinal);

        var send = await Assert.ThrowsAsync<RpcException>(() => _host.Notifications.SendNotificationAsync(new SendNotificationRequest()).ResponseAsync);
        Assert.Equal(["idempotency_key", "title", "user_ids"], send.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task RelativeName_InTheWritersContext_IsCertain_AndFollowsToTodaysCommune()
    {
        var asOf = new Date { Year = 2023, Month = 11, Day = 15 };
        var inContext = await _host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest
        {
            Text = "Phòng Nội vụ huyện", AsOf = asOf, ContextOrgUnitId = SeedOrgUnits.FormerThapMuoiDistrict,
        });
        var best = inContext.Candidates[0];
        Assert.Equal((SeedOrgUnits.FormerThapMuoiHomeAffairs, 1.0), (best.OrgUnit.Id, best.Confidence));
        Assert.Equal(["ubnd-xa-thap-muoi"], best.Successors.Select(s => s.Id));

        var noContext = await _host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = "Phòng Nội vụ huyện", AsOf = asOf });
        Assert.True(noContext.Candidates.Count >= 2);
        Assert.All(noContext.Candidates, c => Assert.True(c.Confidence < 0.9, $"{c.OrgUnit.Id} at {c.Confidence} although the name is ambiguous."));
    }

    [Fact]
    public async Task SameName_ResolvesToTheFormerCommuneBeforeTheReform_AndTheNewOneAfter()
    {
        var before = await _host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = "UBND xã Tân Hưng", AsOf = new Date { Year = 2024, Month = 3, Day = 1 } });
        Assert.Equal("ubnd-xa-tan-hung-cu", before.Candidates[0].OrgUnit.Id);
        Assert.Equal(1.0, before.Candidates[0].Confidence);
        Assert.Equal([SeedOrgUnits.TanHung], before.Candidates[0].Successors.Select(s => s.Id));

        var now = await _host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = "Ủy ban nhân dân xã Tân Hưng" });
        Assert.Equal((SeedOrgUnits.TanHung, 1.0), (now.Candidates[0].OrgUnit.Id, now.Candidates[0].Confidence));
        Assert.Empty(now.Candidates[0].Successors);
    }

    [Fact]
    public async Task Seed001sRecipient_TheFormerPartyBoard_ResolvesAsOfTheDirective()
    {
        var response = await _host.Directory.ResolveOrgUnitAsync(new ResolveOrgUnitRequest { Text = "Ban Dân vận Tỉnh ủy", AsOf = new Date { Year = 2022, Month = 2, Day = 21 } });
        Assert.Equal(SeedOrgUnits.FormerPartyMobilizationBoard, response.Candidates[0].OrgUnit.Id);
        Assert.Equal([SeedOrgUnits.PartyPropagandaAndMobilization], response.Candidates[0].Successors.Select(s => s.Id));
    }

    [Fact]
    public async Task TreeAsOf2023_HasTheDistrictsAndNotTheNewCommunes()
    {
        var units = new List<OrgUnit>();
        var request = new ListOrgUnitsRequest { AsOf = new Date { Year = 2023, Month = 11, Day = 15 }, PageSize = 1000 };
        units.AddRange((await _host.Directory.ListOrgUnitsAsync(request)).OrgUnits);
        Assert.Contains(units, u => u.Id == SeedOrgUnits.FormerThapMuoiDistrict);
        Assert.Contains(units, u => u.Id == SeedOrgUnits.FormerHungYenCity);
        Assert.DoesNotContain(units, u => u.Id == SeedOrgUnits.TanHung);
        Assert.DoesNotContain(units, u => u.Id == SeedOrgUnits.PartyPropagandaAndMobilization);
    }

    [Fact]
    public async Task ACommunesInternalPlan_IsHiddenFromOtherCommunes_ButNotFromItsOwnOrTheAppraiser()
    {
        var other = await Assert.ThrowsAsync<RpcException>(() => _host.Documents.GetDocumentAsync(
            new GetDocumentRequest { DocumentId = SeedDocuments.TanHungPlan, ActingUserId = SeedUsers.PhoHienOfficer }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        foreach (var user in new[] { SeedUsers.TanHungOfficer, SeedUsers.Appraiser })
        {
            var seen = await _host.Documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = SeedDocuments.TanHungPlan, ActingUserId = user });
            Assert.Equal(SeedDocuments.TanHungPlan, seen.Document.Id);
        }

        var listed = await _host.Documents.ListDocumentsAsync(new ListDocumentsRequest { ActingUserId = SeedUsers.PhoHienOfficer, PageSize = 1000 });
        Assert.DoesNotContain(listed.Documents, d => d.Id == SeedDocuments.TanHungPlan);
        Assert.Contains(listed.Documents, d => d.Id == SeedDocuments.ReportRequest);
    }

    [Fact]
    public async Task RecipientFilter_FindsWhatACommuneReceived()
    {
        var received = await _host.Documents.ListDocumentsAsync(new ListDocumentsRequest { RecipientOrgUnitId = SeedOrgUnits.TanHung, PageSize = 1000 });
        Assert.Contains(received.Documents, d => d.Id == SeedDocuments.ReportRequest);
        Assert.DoesNotContain(received.Documents, d => d.Id == SeedDocuments.Seed002);
    }

    [Fact]
    public async Task ReplacedDecision_IsListedOnlyWithIncludeRevoked()
    {
        var current = await _host.Documents.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 1000 });
        var all = await _host.Documents.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 1000, IncludeRevoked = true });
        Assert.DoesNotContain(current.Documents, d => d.Id == SeedDocuments.EvaluationDecision2020);
        Assert.Contains(all.Documents, d => d.Id == SeedDocuments.EvaluationDecision2020);
        Assert.Equal(SeedDocuments.Draft, all.Documents[^1].Id); // No issue date: last; the newest dated one first.
        Assert.Equal(SeedDocuments.ReportRequest, all.Documents[0].Id);
    }

    [Fact]
    public async Task LargeAttachment_ComesIn64KiBChunks()
    {
        var attachment = (await _host.Documents.GetDocumentAsync(new GetDocumentRequest { DocumentId = SeedDocuments.MinistryLetter })).Document.Attachments.MaxBy(a => a.SizeBytes)!;
        using var call = _host.Documents.StreamAttachmentContent(new StreamAttachmentContentRequest { AttachmentId = attachment.Id });
        var sizes = new List<int>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
        {
            sizes.Add(chunk.Data.Length);
        }

        Assert.Equal(attachment.SizeBytes, sizes.Sum());
        Assert.All(sizes.SkipLast(1), s => Assert.Equal(64 * 1024, s));
    }

    [Fact]
    public async Task UnitNotification_GoesToTheUnitsLeaderAndClerk_NotItsInactiveOrOtherUsers()
    {
        var sent = await _host.Notifications.SendNotificationAsync(new SendNotificationRequest
        {
            IdempotencyKey = "danvan.tasks:" + Guid.NewGuid().ToString("N"),
            OrgUnitIds = { SeedOrgUnits.TanHung },
            Title = "Có 2 nhiệm vụ mới được giao",
        });
        var status = await _host.Notifications.GetNotificationStatusAsync(new GetNotificationStatusRequest { NotificationId = sent.NotificationId });
        Assert.Equal([SeedUsers.TanHungChairman, SeedUsers.TanHungClerk], status.Deliveries.Select(d => d.UserId).Order(StringComparer.Ordinal));
        Assert.Equal(DeliveryState.Delivered, status.State);

        var toOfficers = await _host.Notifications.SendNotificationAsync(new SendNotificationRequest
        {
            IdempotencyKey = "danvan.tasks:" + Guid.NewGuid().ToString("N"),
            OrgUnitIds = { SeedOrgUnits.TanHung },
            UnitRoles = { Role.CommuneOfficer },
            UserIds = { SeedUsers.Retired },
            Title = "Nhắc hạn báo cáo",
        });
        Assert.Equal(1, toOfficers.RecipientCount);
    }
}
