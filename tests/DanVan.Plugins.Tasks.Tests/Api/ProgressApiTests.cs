using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Contracts.Tasks.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Api;

/// <summary>Reports, reviews and extensions through the API: the domain's rules as gRPC statuses, retries by request_id, stale versions ABORTED.</summary>
public sealed class ProgressApiTests : IAsyncLifetime
{
    private TasksApiHost api = null!;
    private Assignment assignment = null!;

    public async Task InitializeAsync()
    {
        api = await TasksApiHost.StartAsync();
        await api.ConfirmAsync("8");
        assignment = (await api.Client.ListUnitAssignmentsAsync(new ListUnitAssignmentsRequest { UnitId = FakeEoffice.Commune }, TasksApiHost.As(FakeUsers.CommuneOfficer))).Assignments
            .Single(a => a.PeriodKey == "2026");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    private SubmitReportRequest Report(int percent = 100, string requestId = "") => new()
    {
        AssignmentId = assignment.Id,
        AssignmentVersion = assignment.Version,
        Text = "Đã tổ chức hội nghị quán triệt tới toàn thể cán bộ, công chức xã.",
        Percent = percent,
        Evidence = { new Evidence { Kind = EvidenceKind.Link, Reference = "https://xatanhung.hungyen.gov.vn/tin-tuc/hoi-nghi", Title = "Tin bài hội nghị" } },
        RequestId = requestId,
    };

    private Task<Assignment> ReadAsync(string userId = FakeUsers.CommuneOfficer) =>
        api.Client.GetAssignmentAsync(new GetAssignmentRequest { AssignmentId = assignment.Id }, TasksApiHost.As(userId)).ResponseAsync.ContinueWith(t => t.Result.Assignment, TaskScheduler.Default);

    [Fact]
    public async Task Submit_Retry_Accept_CompletesOnTime_ThenNoMoreReports()
    {
        var report = (await api.Client.SubmitReportAsync(Report(requestId: "bc-2026-11-01"), TasksApiHost.As(FakeUsers.CommuneOfficer))).Report;
        var retry = (await api.Client.SubmitReportAsync(Report(requestId: "bc-2026-11-01"), TasksApiHost.As(FakeUsers.CommuneOfficer))).Report;
        var stale = await Assert.ThrowsAsync<RpcException>(() => api.Client.SubmitReportAsync(Report(requestId: "bc-khac"), TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        api.Clock.Advance(TimeSpan.FromDays(20)); // accepted late (21/11), sent on time (01/11)
        var accepted = (await api.Client.ReviewReportAsync(new ReviewReportRequest { ReportId = report.Id, ReportVersion = report.Version, Decision = ReviewDecision.Accept }, TasksApiHost.As(FakeUsers.ProvinceOfficer))).Report;
        var done = await ReadAsync();
        var fresh = Report();
        fresh.AssignmentVersion = done.Version;
        var closed = await Assert.ThrowsAsync<RpcException>(() => api.Client.SubmitReportAsync(fresh, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var listed = await api.Client.ListReportsAsync(new ListReportsRequest { AssignmentId = assignment.Id }, TasksApiHost.As(FakeUsers.ProvinceOfficer));

        Assert.Equal((ReportState.Submitted, 100, FakeUsers.CommuneOfficer, FakeEoffice.Commune), (report.State, report.Percent, report.SubmittedByUserId, report.SubmittedUnitId));
        Assert.Equal(EvidenceKind.Link, Assert.Single(report.Evidence).Kind);
        Assert.Equal(report.Id, retry.Id);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Contains("đã được người khác cập nhật", stale.Status.Detail, StringComparison.Ordinal);
        Assert.Equal((ReportState.Accepted, FakeUsers.ProvinceOfficer), (accepted.State, accepted.ReviewedByUserId));
        Assert.Equal((AssignmentStatus.CompletedOnTime, "hoàn thành đúng hạn", 100), (done.Status, done.StatusLabel, done.ProgressPercent));
        Assert.Equal(StatusCode.FailedPrecondition, closed.StatusCode);
        Assert.Equal([report.Id], listed.Reports.Select(r => r.Id));
    }

    [Fact]
    public async Task Reports_AreRefusedClearly_WithTheirFields()
    {
        var otherUnit = await Assert.ThrowsAsync<RpcException>(() => api.Client.SubmitReportAsync(Report(), TasksApiHost.As(FakeUsers.OtherCommuneOfficer)).ResponseAsync);
        var percent = await Assert.ThrowsAsync<RpcException>(() => api.Client.SubmitReportAsync(Report(percent: 120), TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var noKind = Report();
        noKind.Evidence[0].Kind = EvidenceKind.Unspecified;
        var kind = await Assert.ThrowsAsync<RpcException>(() => api.Client.SubmitReportAsync(noKind, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var badLink = Report();
        badLink.Evidence[0].Reference = "javascript:alert(1)";
        var link = await Assert.ThrowsAsync<RpcException>(() => api.Client.SubmitReportAsync(badLink, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var report = (await api.Client.SubmitReportAsync(Report(percent: 40), TasksApiHost.As(FakeUsers.CommuneOfficer))).Report;
        var selfReview = await Assert.ThrowsAsync<RpcException>(() => api.Client.ReviewReportAsync(new ReviewReportRequest { ReportId = report.Id, ReportVersion = report.Version, Decision = ReviewDecision.Accept }, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var noReason = await Assert.ThrowsAsync<RpcException>(() => api.Client.ReviewReportAsync(new ReviewReportRequest { ReportId = report.Id, ReportVersion = report.Version, Decision = ReviewDecision.Return }, TasksApiHost.As(FakeUsers.ProvinceOfficer)).ResponseAsync);
        var returned = (await api.Client.ReviewReportAsync(new ReviewReportRequest { ReportId = report.Id, ReportVersion = report.Version, Decision = ReviewDecision.Return, Reason = "Chưa có biên bản hội nghị." }, TasksApiHost.As(FakeUsers.ProvinceOfficer))).Report;
        var twice = await Assert.ThrowsAsync<RpcException>(() => api.Client.ReviewReportAsync(new ReviewReportRequest { ReportId = report.Id, ReportVersion = returned.Version, Decision = ReviewDecision.Accept }, TasksApiHost.As(FakeUsers.ProvinceOfficer)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, otherUnit.StatusCode);
        Assert.Equal(["percent"], TasksApiHost.Fields(percent));
        Assert.Equal(["evidence[0].kind"], TasksApiHost.Fields(kind));
        Assert.Equal(["evidence[0]"], TasksApiHost.Fields(link));
        Assert.Equal(StatusCode.PermissionDenied, selfReview.StatusCode);
        Assert.Equal(["reason"], TasksApiHost.Fields(noReason));
        Assert.Equal((ReportState.Returned, "Chưa có biên bản hội nghị."), (returned.State, returned.ReviewReason));
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
    }

    [Fact]
    public async Task Extension_Approved_MovesTheDueDate_KeepsTheOriginal_AndStaleDecisionsAbort()
    {
        var invalid = await Assert.ThrowsAsync<RpcException>(() => api.Client.RequestExtensionAsync(new RequestExtensionRequest { AssignmentId = assignment.Id, NewDueDate = new Date { Year = 2026, Month = 11, Day = 31 }, Reason = "Chờ kinh phí." }, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var early = await Assert.ThrowsAsync<RpcException>(() => api.Client.RequestExtensionAsync(new RequestExtensionRequest { AssignmentId = assignment.Id, NewDueDate = new Date { Year = 2026, Month = 11, Day = 10 }, Reason = "Chờ kinh phí." }, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var request = new RequestExtensionRequest { AssignmentId = assignment.Id, NewDueDate = new Date { Year = 2026, Month = 11, Day = 30 }, Reason = "Chờ kinh phí tổ chức hội nghị.", RequestId = "gh-1" };
        var pending = (await api.Client.RequestExtensionAsync(request, TasksApiHost.As(FakeUsers.CommuneOfficer))).Extension;
        var retried = (await api.Client.RequestExtensionAsync(request, TasksApiHost.As(FakeUsers.CommuneOfficer))).Extension;
        var stale = await Assert.ThrowsAsync<RpcException>(() => api.Client.DecideExtensionAsync(new DecideExtensionRequest { ExtensionId = pending.Id, Version = pending.Version + 1, Decision = ExtensionDecision.Approve }, TasksApiHost.As(FakeUsers.ProvinceOfficer)).ResponseAsync);
        var approved = (await api.Client.DecideExtensionAsync(new DecideExtensionRequest { ExtensionId = pending.Id, Version = pending.Version, Decision = ExtensionDecision.Approve }, TasksApiHost.As(FakeUsers.ProvinceOfficer))).Extension;
        var moved = await ReadAsync();

        Assert.Equal(["new_due_date"], TasksApiHost.Fields(invalid));
        Assert.Equal(["new_due_date"], TasksApiHost.Fields(early));
        Assert.Equal(ExtensionState.Pending, pending.State);
        Assert.Equal(pending.Id, retried.Id);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal((ExtensionState.Approved, FakeUsers.ProvinceOfficer), (approved.State, approved.DecidedByUserId));
        Assert.Equal((2026, 11, 30), (moved.DueDate.Year, moved.DueDate.Month, moved.DueDate.Day));
        Assert.Equal((2026, 11, 15), (moved.OriginalDueDate.Year, moved.OriginalDueDate.Month, moved.OriginalDueDate.Day));
    }
}
