using DanVan.Plugins.Contracts.Tasks.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Api;

/// <summary>ListUnitAssignments, GetAssignment and ListDocumentTasks: statuses from the clock, who reads what, paging.</summary>
public sealed class AssignmentsApiTests : IAsyncLifetime
{
    private TasksApiHost api = null!;

    public async Task InitializeAsync()
    {
        api = await TasksApiHost.StartAsync();
        await api.ConfirmAsync("1", "8");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    private Task<ListUnitAssignmentsResponse> ListAsync(string userId, string unitId = FakeEoffice.Commune, int pageSize = 0, string pageToken = "", params AssignmentStatus[] statuses) =>
        api.Client.ListUnitAssignmentsAsync(new ListUnitAssignmentsRequest { UnitId = unitId, PageSize = pageSize, PageToken = pageToken, Statuses = { statuses } }, TasksApiHost.As(userId)).ResponseAsync;

    [Fact]
    public async Task UnitAssignments_StatusFollowsTheClock_MostUrgentFirst()
    {
        var before = await ListAsync(FakeUsers.CommuneOfficer);
        api.Clock.Advance(TimeSpan.FromDays(15)); // 16/11/2026: one day late
        var late = await ListAsync(FakeUsers.CommuneOfficer);
        var overdueOnly = await ListAsync(FakeUsers.CommuneOfficer, statuses: AssignmentStatus.Overdue);

        Assert.Equal(4, before.TotalSize);
        Assert.All(before.Assignments, a => Assert.Equal(AssignmentStatus.NotDue, a.Status));
        Assert.Equal([AssignmentStatus.Overdue, AssignmentStatus.Overdue, AssignmentStatus.NotDue, AssignmentStatus.NotDue], late.Assignments.Select(a => a.Status));
        Assert.Equal("quá hạn", late.Assignments[0].StatusLabel);
        Assert.Equal((2026, 11, 15), (late.Assignments[0].DueDate.Year, late.Assignments[0].DueDate.Month, late.Assignments[0].DueDate.Day));
        Assert.Equal(["2026", "2026"], overdueOnly.Assignments.Select(a => a.PeriodKey));
        Assert.All(late.Assignments, a => Assert.Equal(FakeEoffice.Commune, a.UnitId));
        Assert.Contains("Chỉ thị số 05/CT-UBND", late.Assignments[0].Task.DocumentTitle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnitAssignments_OfAnotherUnit_AreDenied_ButSoNoiVuReadsEveryUnit()
    {
        var denied = await Assert.ThrowsAsync<RpcException>(() => ListAsync(FakeUsers.OtherCommuneOfficer));
        var viewer = await ListAsync(FakeUsers.CommuneViewer);
        var appraiser = await ListAsync(FakeUsers.Appraiser, FakeUsers.OtherCommune);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal("Bạn không có quyền xem việc của đơn vị này.", denied.Status.Detail);
        Assert.Equal(4, viewer.TotalSize);
        Assert.Equal(4, appraiser.TotalSize);
        Assert.All(appraiser.Assignments, a => Assert.Equal(FakeUsers.OtherCommune, a.UnitId));
    }

    [Fact]
    public async Task UnitAssignments_Page_ThroughEveryRowOnce_AndATokenOnlyFitsItsRequest()
    {
        var ids = new List<string>();
        var token = string.Empty;
        var pages = 0;
        do
        {
            var page = await ListAsync(FakeUsers.CommuneOfficer, pageSize: 3, pageToken: token);
            ids.AddRange(page.Assignments.Select(a => a.Id));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        var firstToken = (await ListAsync(FakeUsers.CommuneOfficer, pageSize: 3)).NextPageToken;
        var otherUnit = await Assert.ThrowsAsync<RpcException>(() => ListAsync(FakeUsers.Appraiser, FakeUsers.OtherCommune, pageSize: 3, pageToken: firstToken));
        var garbage = await Assert.ThrowsAsync<RpcException>(() => ListAsync(FakeUsers.CommuneOfficer, pageToken: "không-phải-mã"));
        var negative = await Assert.ThrowsAsync<RpcException>(() => ListAsync(FakeUsers.CommuneOfficer, pageSize: -1));
        var unspecified = await Assert.ThrowsAsync<RpcException>(() => ListAsync(FakeUsers.CommuneOfficer, statuses: AssignmentStatus.Unspecified));

        Assert.Equal(2, pages);
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal(["page_token"], TasksApiHost.Fields(otherUnit));
        Assert.Equal(["page_token"], TasksApiHost.Fields(garbage));
        Assert.Equal(["page_size"], TasksApiHost.Fields(negative));
        Assert.Equal(["statuses[0]"], TasksApiHost.Fields(unspecified));
    }

    [Fact]
    public async Task GetAssignment_ForItsUnitAndTheIssuer_DeniedToOthers_CheckedId()
    {
        var id = (await ListAsync(FakeUsers.CommuneOfficer)).Assignments[0].Id;

        var own = (await api.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = id }, TasksApiHost.As(FakeUsers.CommuneOfficer))).Assignment;
        var issuer = (await api.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = id }, TasksApiHost.As(FakeUsers.ProvinceOfficer))).Assignment;
        var other = await Assert.ThrowsAsync<RpcException>(() => api.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = id }, TasksApiHost.As(FakeUsers.OtherCommuneOfficer)).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() => api.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = "abc" }, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => api.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = Guid.NewGuid().ToString() }, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);

        Assert.Equal(id, own.Id);
        Assert.Equal(own.Version, issuer.Version);
        Assert.Equal(StatusCode.PermissionDenied, other.StatusCode);
        Assert.Equal(["assignment_id"], TasksApiHost.Fields(malformed));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task DocumentTasks_CountStatusesOverWhatTheOfficerMaySee()
    {
        var request = new ListDocumentTasksRequest { DocumentId = FakeEoffice.Seed001Id };

        var issuer = await api.Client.ListDocumentTasksAsync(request, TasksApiHost.As(FakeUsers.ProvinceOfficer));
        var commune = await api.Client.ListDocumentTasksAsync(request, TasksApiHost.As(FakeUsers.CommuneOfficer));
        var outsider = await api.Client.ListDocumentTasksAsync(request, TasksApiHost.As(FakeUsers.Unknown));

        Assert.Equal(["1", "8"], issuer.Tasks.Select(t => t.ItemPath));
        Assert.Equal([4, 8], issuer.Tasks.Select(t => t.AssignmentCounts.Sum(c => c.Count)));
        Assert.Equal([2, 2], commune.Tasks.Select(t => t.AssignmentCounts.Sum(c => c.Count)));
        Assert.Equal(FakeUsers.ProvinceOfficer, issuer.Tasks[0].CreatedByUserId);
        Assert.Empty(outsider.Tasks);
    }

    [Fact]
    public async Task Rollup_CountsPerUnitFollowingTheTree_ForSoNoiVu_AndRefusesACommuneOfficer()
    {
        api.Clock.Advance(TimeSpan.FromDays(15)); // 16/11/2026: the 2026 assignments are overdue
        var province = await api.Client.GetRollupAsync(new GetRollupRequest { Year = 2026 }, TasksApiHost.As(FakeUsers.Appraiser));
        var commune = await api.Client.GetRollupAsync(new GetRollupRequest { UnitId = FakeEoffice.Commune }, TasksApiHost.As(FakeUsers.Appraiser));
        var denied = await Assert.ThrowsAsync<RpcException>(() => api.Client.GetRollupAsync(new GetRollupRequest(), TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var badYear = await Assert.ThrowsAsync<RpcException>(() => api.Client.GetRollupAsync(new GetRollupRequest { Year = 26 }, TasksApiHost.As(FakeUsers.Appraiser)).ResponseAsync);

        // Item 1 for the two communes, item 8 for them and the two departments: six 2026 assignments, all overdue.
        Assert.Equal((AssignmentStatus.Overdue, 6), (province.TotalCounts.Single().Status, province.TotalCounts.Single().Count));
        Assert.Equal((2026, 11, 16), (province.AsOf.Year, province.AsOf.Month, province.AsOf.Day));
        var tanHung = province.Rows.Single(r => r.UnitId == FakeEoffice.Commune);
        Assert.Equal(2, tanHung.Total);
        Assert.Equal(4, commune.Rows.Single(r => r.UnitId == FakeEoffice.Commune).Total);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(["year"], TasksApiHost.Fields(badYear));
    }
}
