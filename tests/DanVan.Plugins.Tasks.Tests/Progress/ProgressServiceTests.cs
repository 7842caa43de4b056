using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Data;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Storage;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DanVan.Plugins.Tasks.Tests.Progress;

/// <summary>
/// ProgressService on a real SQLite database migrated with the plugin's migrations (1 and 2), with the
/// fake e-office over h2c for the evidence: reports, review, extensions, their refusals and the audit.
/// </summary>
public sealed class ProgressServiceTests : IAsyncLifetime
{
    private static readonly Officer TanHung = new(FakeUsers.CommuneOfficer, "Nguyễn Văn An", [new RoleGrant(Role.CommuneOfficer, FakeEoffice.Commune)]);
    private static readonly Officer PhoHien = new(FakeUsers.OtherCommuneOfficer, "Đỗ Thị Hoa", [new RoleGrant(Role.CommuneOfficer, FakeUsers.OtherCommune)]);
    private static readonly Officer Appraiser = new(FakeUsers.Appraiser, "Lê Thị Thẩm", [new RoleGrant(Role.HomeAffairsAppraiser, FakeEoffice.HomeAffairs)]);
    private static readonly Officer ProvinceOfficer = new(FakeUsers.ProvinceOfficer, "Vũ Minh Chuyên", [new RoleGrant(Role.AgencyOfficer, FakeUsers.Province)]);

    // 10/11/2026 09:00 in Hà Nội; the assignments are due 15/11/2026.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 10, 2, 0, 0, TimeSpan.Zero));
    private readonly string folder = Path.Combine(Path.GetTempPath(), "danvan-progress-" + Guid.NewGuid().ToString("N"));
    private FakeEoffice eoffice = null!;
    private GrpcChannel channel = null!;
    private DatabaseConnector connector = null!;
    private IPluginData data = null!;
    private ProgressService service = null!;
    private TaskRecord task = null!;
    private AssignmentRecord tanHung = null!;
    private AssignmentRecord phoHien = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        eoffice = await FakeEoffice.StartAsync();
        channel = GrpcChannel.ForAddress(eoffice.Address, new GrpcChannelOptions { Credentials = CallCredentials.FromBearerToken(FakeEoffice.RuntimeToken) });
        connector = DatabaseConnector.Create(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "danvan.db")}" }, folder);
        var storage = new PluginStorage(connector, clock);
        await storage.MigrateAsync("danvan.tasks", "1.0.0", new TasksMigrations().Migrations);
        data = storage.CreateData("danvan.tasks");
        service = new ProgressService(data, new EvidenceValidator(new DocumentsService.DocumentsServiceClient(channel)), clock, new TasksOptions(7));

        task = new TaskRecord
        {
            Id = Guid.NewGuid(), DocumentId = FakeEoffice.Seed001Id, DocumentCode = "05/CT-UBND", DocumentTitle = "Chỉ thị số 05/CT-UBND ngày 21/02/2022", ItemPath = "8",
            Content = "Thủ trưởng các sở, ngành … báo cáo kết quả", IssuerUnitId = FakeUsers.Province, ReportToUnitId = FakeUsers.Province, ReportViaUnitId = FakeEoffice.HomeAffairs,
            DueRuleText = "trước ngày 15 tháng 11 hằng năm", CreatedBy = FakeUsers.Appraiser, CreatedByUnit = FakeEoffice.HomeAffairs, CreatedAt = clock.GetUtcNow(),
        };
        tanHung = Assignment(FakeEoffice.Commune, "Ủy ban nhân dân xã Tân Hưng");
        phoHien = Assignment(FakeUsers.OtherCommune, "Ủy ban nhân dân phường Phố Hiến");
        var setup = ChangeContext.System("test setup");
        await data.InsertAsync(task, setup);
        await data.InsertManyAsync([tanHung, phoHien], setup);
    }

    public async Task DisposeAsync()
    {
        ((IDisposable)data).Dispose();
        await connector.DisposeAsync();
        channel.Dispose();
        await eoffice.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private AssignmentRecord Assignment(string unit, string name) => new()
    {
        Id = Guid.NewGuid(), TaskId = task.Id, UnitId = unit, UnitName = name, PeriodKey = "2026", DueDate = new DateOnly(2026, 11, 15), State = AssignmentState.Open,
    };

    private static ReportInput Input(int percent, params Evidence[] evidence) => new("Đã tổ chức hội nghị quán triệt Chỉ thị; 12/12 thôn đã triển khai.", percent, evidence);

    private async Task<AssignmentRecord> ReloadAsync(AssignmentRecord a) => (await data.FindAsync<AssignmentRecord>(a.Id))!;

    [Fact]
    public async Task AReportSentOnTime_AcceptedAfterTheDeadline_CompletesTheAssignmentOnTime_Audited()
    {
        clock.Advance(TimeSpan.FromDays(4)); // 14/11
        var report = await service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, Input(100), CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(6)); // 20/11: the province reviews late
        var accepted = await service.ReviewReportAsync(ProvinceOfficer, report.Id, report.Version, accept: true, reason: null, CancellationToken.None);
        var done = await ReloadAsync(tanHung);
        var list = await service.ListForUnitAsync(TanHung, FakeEoffice.Commune, CancellationToken.None);
        var trail = await data.AuditTrailAsync<ReportRecord>(report.Id);

        Assert.Equal(ReportState.Accepted, accepted.State);
        Assert.Equal(FakeUsers.ProvinceOfficer, accepted.ReviewedBy);
        Assert.Equal((AssignmentState.Completed, 100, report.SubmittedAt), (done.State, done.ProgressPercent, done.CompletedAt));
        Assert.Equal(AssignmentStatus.CompletedOnTime, Assert.Single(list).Status);
        Assert.Equal(["insert", "update"], trail.Select(e => e.Action));
        Assert.Equal(("Báo cáo tiến độ 100%", FakeUsers.CommuneOfficer, FakeEoffice.Commune), (trail[0].Reason, trail[0].ActorUserId, trail[0].ActorUnitId));
        Assert.Equal(("Chấp nhận báo cáo tiến độ", FakeUsers.ProvinceOfficer, FakeUsers.Province), (trail[1].Reason, trail[1].ActorUserId, trail[1].ActorUnitId));
    }

    [Fact]
    public async Task APartialReportAccepted_SetsThePercent_AndLeavesTheAssignmentOpen()
    {
        var report = await service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, Input(60), CancellationToken.None);
        await service.ReviewReportAsync(Appraiser, report.Id, report.Version, accept: true, reason: "Tiếp tục hoàn thiện", CancellationToken.None);
        var after = await ReloadAsync(tanHung);

        Assert.Equal((AssignmentState.Open, 60), (after.State, after.ProgressPercent));
        Assert.Null(after.CompletedAt);
    }

    [Fact]
    public async Task Returning_NeedsAReason_ThenRecordsIt_AndTheUnitMayReportAgain()
    {
        var report = await service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, Input(100), CancellationToken.None);

        var noReason = await Assert.ThrowsAsync<TasksException>(() => service.ReviewReportAsync(Appraiser, report.Id, report.Version, accept: false, reason: "  ", CancellationToken.None));
        var returned = await service.ReviewReportAsync(Appraiser, report.Id, report.Version, accept: false, reason: "Thiếu danh sách thôn đã triển khai", CancellationToken.None);
        var twice = await Assert.ThrowsAsync<TasksException>(() => service.ReviewReportAsync(Appraiser, report.Id, returned.Version, accept: true, reason: null, CancellationToken.None));
        var current = await ReloadAsync(tanHung);
        var again = await service.SubmitReportAsync(TanHung, tanHung.Id, current.Version, Input(100), CancellationToken.None);
        var reports = await service.ListReportsAsync(TanHung, tanHung.Id, CancellationToken.None);

        Assert.Equal((TasksError.InvalidArgument, "reason"), (noReason.Error, noReason.Field));
        Assert.Contains("lý do trả lại", noReason.Message, StringComparison.Ordinal);
        Assert.Equal((ReportState.Returned, "Thiếu danh sách thôn đã triển khai"), (returned.State, returned.ReviewReason));
        Assert.Equal(TasksError.FailedPrecondition, twice.Error);
        Assert.Equal((AssignmentState.Open, 0), (current.State, current.ProgressPercent));
        Assert.Equal([again.Id, report.Id], reports.Select(r => r.Id));
        Assert.Equal("Trả lại báo cáo tiến độ: Thiếu danh sách thôn đã triển khai", (await data.AuditTrailAsync<ReportRecord>(report.Id))[^1].Reason);
    }

    [Fact]
    public async Task AStaleAssignmentVersion_IsAConflict_AndSavesNothing()
    {
        await service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, Input(30), CancellationToken.None);

        var stale = await Assert.ThrowsAsync<TasksException>(() => service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, Input(40), CancellationToken.None));

        Assert.Equal(TasksError.Conflict, stale.Error);
        Assert.Contains("đã được người khác cập nhật", stale.Message, StringComparison.Ordinal);
        Assert.Equal(1, await data.CountAsync(new Specification<ReportRecord>()));
    }

    [Fact]
    public async Task AStaleReportVersion_IsAConflict()
    {
        var report = await service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, Input(30), CancellationToken.None);

        var stale = await Assert.ThrowsAsync<TasksException>(() => service.ReviewReportAsync(Appraiser, report.Id, report.Version + 1, accept: true, reason: null, CancellationToken.None));

        Assert.Equal(TasksError.Conflict, stale.Error);
        Assert.Equal(ReportState.Submitted, (await data.FindAsync<ReportRecord>(report.Id))!.State);
    }

    [Fact]
    public async Task ReportingOnACompletedAssignment_IsAFailedPrecondition()
    {
        var report = await service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, Input(100), CancellationToken.None);
        await service.ReviewReportAsync(Appraiser, report.Id, report.Version, accept: true, reason: null, CancellationToken.None);
        var done = await ReloadAsync(tanHung);

        var more = await Assert.ThrowsAsync<TasksException>(() => service.SubmitReportAsync(TanHung, tanHung.Id, done.Version, Input(100), CancellationToken.None));
        var extend = await Assert.ThrowsAsync<TasksException>(() => service.RequestExtensionAsync(TanHung, tanHung.Id, new DateOnly(2026, 12, 31), "Chưa kịp", CancellationToken.None));

        Assert.Equal(TasksError.FailedPrecondition, more.Error);
        Assert.Contains("đã hoàn thành", more.Message, StringComparison.Ordinal);
        Assert.Equal(TasksError.FailedPrecondition, extend.Error);
    }

    [Theory]
    [InlineData(-1, "Báo cáo", "percent")]
    [InlineData(101, "Báo cáo", "percent")]
    [InlineData(50, "   ", "text")]
    public async Task BadTextOrPercent_IsAnInvalidArgumentNamingTheField(int percent, string text, string field)
    {
        var ex = await Assert.ThrowsAsync<TasksException>(() => service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, new ReportInput(text, percent, []), CancellationToken.None));

        Assert.Equal((TasksError.InvalidArgument, field), (ex.Error, ex.Field));
        Assert.Equal(0, await data.CountAsync(new Specification<ReportRecord>()));
    }

    [Fact]
    public async Task Evidence_DocumentsAndAttachmentsAreReadAsTheOfficer_AndGetTheirTitles()
    {
        var report = await service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, Input(
            80,
            new Evidence(EvidenceKind.Document, FakeEoffice.ReportId, ""),
            new Evidence(EvidenceKind.Attachment, FakeEoffice.ReportId + "/tep-1", ""),
            new Evidence(EvidenceKind.Link, "https://tanhung.hungyen.gov.vn/tin-tuc/hoi-nghi-dan-van", "Tin trên cổng xã")), CancellationToken.None);

        var evidence = EvidenceJson.Read((await data.FindAsync<ReportRecord>(report.Id))!.Evidence);

        Assert.Equal(
            [
                new Evidence(EvidenceKind.Document, FakeEoffice.ReportId, "45/BC-UBND: Kết quả thực hiện công tác dân vận chính quyền năm 2026"),
                new Evidence(EvidenceKind.Attachment, FakeEoffice.ReportId + "/tep-1", "bao-cao-dan-van-2026.pdf"),
                new Evidence(EvidenceKind.Link, "https://tanhung.hungyen.gov.vn/tin-tuc/hoi-nghi-dan-van", "Tin trên cổng xã"),
            ],
            evidence);
        Assert.All(eoffice.DocumentRequests, r => Assert.Equal(FakeUsers.CommuneOfficer, r.ActingUserId));
    }

    [Theory]
    [InlineData((int)EvidenceKind.Document, "vb-khong-co", "không tìm thấy văn bản “vb-khong-co”")]
    [InlineData((int)EvidenceKind.Document, FakeEoffice.SecretId, "bạn không có quyền xem văn bản “vb-mat”")]
    [InlineData((int)EvidenceKind.Attachment, FakeEoffice.ReportId + "/tep-9", "không có tệp đính kèm “tep-9”")]
    [InlineData((int)EvidenceKind.Attachment, "tep-1", "mã văn bản/mã tệp")]
    [InlineData((int)EvidenceKind.Link, "ftp://may-chu/bao-cao.pdf", "không phải đường dẫn http(s) hợp lệ")]
    [InlineData((int)EvidenceKind.Link, "javascript:alert(1)", "không phải đường dẫn http(s) hợp lệ")]
    public async Task BadEvidence_IsRefusedNamingTheLine_AndNothingIsSaved(int kindNumber, string reference, string message)
    {
        var kind = (EvidenceKind)kindNumber;
        var ex = await Assert.ThrowsAsync<TasksException>(() => service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version,
            Input(50, new Evidence(EvidenceKind.Link, "https://example.gov.vn/a", "a"), new Evidence(kind, reference, "")), CancellationToken.None));

        Assert.Equal((TasksError.InvalidArgument, "evidence[1]"), (ex.Error, ex.Field));
        Assert.Contains("Minh chứng thứ 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, await data.CountAsync(new Specification<ReportRecord>()));
        Assert.Equal(tanHung.Version, (await ReloadAsync(tanHung)).Version);
    }

    [Fact]
    public async Task OnlyTheUnitReports_OnlyTheManagersReview()
    {
        var otherUnit = await Assert.ThrowsAsync<TasksException>(() => service.SubmitReportAsync(PhoHien, tanHung.Id, tanHung.Version, Input(50), CancellationToken.None));
        var reader = await Assert.ThrowsAsync<TasksException>(() => service.SubmitReportAsync(Appraiser, tanHung.Id, tanHung.Version, Input(50), CancellationToken.None));
        var report = await service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, Input(50), CancellationToken.None);
        var selfReview = await Assert.ThrowsAsync<TasksException>(() => service.ReviewReportAsync(TanHung, report.Id, report.Version, accept: true, reason: null, CancellationToken.None));
        var listOther = await Assert.ThrowsAsync<TasksException>(() => service.ListForUnitAsync(PhoHien, FakeEoffice.Commune, CancellationToken.None));
        var reportsOther = await Assert.ThrowsAsync<TasksException>(() => service.ListReportsAsync(PhoHien, tanHung.Id, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<TasksException>(() => service.SubmitReportAsync(TanHung, Guid.NewGuid(), 1, Input(50), CancellationToken.None));

        Assert.Equal(TasksError.PermissionDenied, otherUnit.Error);
        Assert.Contains("Ủy ban nhân dân xã Tân Hưng", otherUnit.Message, StringComparison.Ordinal);
        Assert.Equal(TasksError.PermissionDenied, reader.Error);
        Assert.Equal(TasksError.PermissionDenied, selfReview.Error);
        Assert.Equal(TasksError.PermissionDenied, listOther.Error);
        Assert.Equal(TasksError.PermissionDenied, reportsOther.Error);
        Assert.Equal(TasksError.NotFound, unknown.Error);
    }

    [Fact]
    public async Task Extension_Approved_MovesTheDueDate_AndKeepsTheOriginal()
    {
        var request = await service.RequestExtensionAsync(TanHung, tanHung.Id, new DateOnly(2026, 11, 30), "Chờ kết quả khảo sát của các thôn", CancellationToken.None);
        var second = await Assert.ThrowsAsync<TasksException>(() => service.RequestExtensionAsync(TanHung, tanHung.Id, new DateOnly(2026, 12, 5), "Thêm", CancellationToken.None));
        var stale = await Assert.ThrowsAsync<TasksException>(() => service.DecideExtensionAsync(Appraiser, request.Id, request.Version + 1, approve: true, reason: null, CancellationToken.None));
        var byUnit = await Assert.ThrowsAsync<TasksException>(() => service.DecideExtensionAsync(TanHung, request.Id, request.Version, approve: true, reason: null, CancellationToken.None));
        var approved = await service.DecideExtensionAsync(Appraiser, request.Id, request.Version, approve: true, reason: null, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(10)); // 20/11: late for the old date, not for the new one
        var after = await ReloadAsync(tanHung);
        var status = (await service.ListForUnitAsync(TanHung, FakeEoffice.Commune, CancellationToken.None)).Single().Status;

        Assert.Equal(TasksError.FailedPrecondition, second.Error);
        Assert.Equal(TasksError.Conflict, stale.Error);
        Assert.Equal(TasksError.PermissionDenied, byUnit.Error);
        Assert.Equal(ExtensionState.Approved, approved.State);
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 15)), (after.DueDate, after.OriginalDueDate));
        Assert.Equal(AssignmentStatus.NotDue, status);
        Assert.Equal("Đồng ý gia hạn đến 30/11/2026", (await data.AuditTrailAsync<AssignmentRecord>(tanHung.Id))[^1].Reason);
    }

    [Fact]
    public async Task Extension_BadDateOrNoReason_IsRefused_AndARefusalNeedsAReason()
    {
        var past = await Assert.ThrowsAsync<TasksException>(() => service.RequestExtensionAsync(TanHung, tanHung.Id, new DateOnly(2026, 11, 9), "Lý do", CancellationToken.None));
        var notLater = await Assert.ThrowsAsync<TasksException>(() => service.RequestExtensionAsync(TanHung, tanHung.Id, new DateOnly(2026, 11, 15), "Lý do", CancellationToken.None));
        var noReason = await Assert.ThrowsAsync<TasksException>(() => service.RequestExtensionAsync(TanHung, tanHung.Id, new DateOnly(2026, 11, 30), "", CancellationToken.None));
        var request = await service.RequestExtensionAsync(TanHung, tanHung.Id, new DateOnly(2026, 11, 30), "Chờ số liệu", CancellationToken.None);
        var refuseBare = await Assert.ThrowsAsync<TasksException>(() => service.DecideExtensionAsync(ProvinceOfficer, request.Id, request.Version, approve: false, reason: null, CancellationToken.None));
        var refused = await service.DecideExtensionAsync(ProvinceOfficer, request.Id, request.Version, approve: false, reason: "Hạn của tỉnh không thể lùi", CancellationToken.None);

        Assert.Equal((TasksError.InvalidArgument, "new_due"), (past.Error, past.Field));
        Assert.Contains("Hạn mới phải sau ngày 15/11/2026", notLater.Message, StringComparison.Ordinal);
        Assert.Equal((TasksError.InvalidArgument, "reason"), (noReason.Error, noReason.Field));
        Assert.Equal((TasksError.InvalidArgument, "reason"), (refuseBare.Error, refuseBare.Field));
        Assert.Equal((ExtensionState.Rejected, "Hạn của tỉnh không thể lùi"), (refused.State, refused.DecisionReason));
        Assert.Equal((new DateOnly(2026, 11, 15), (DateOnly?)null), ((await ReloadAsync(tanHung)).DueDate, (await ReloadAsync(tanHung)).OriginalDueDate));
    }

    [Fact]
    public async Task DocumentProgress_AManagerSeesEveryUnit_AUnitOnlyItself()
    {
        await service.SubmitReportAsync(PhoHien, phoHien.Id, phoHien.Version, Input(40), CancellationToken.None);

        var manager = Assert.Single(await service.ListForDocumentAsync(ProvinceOfficer, FakeEoffice.Seed001Id, CancellationToken.None));
        var unit = Assert.Single(await service.ListForDocumentAsync(TanHung, FakeEoffice.Seed001Id, CancellationToken.None));
        var none = await service.ListForDocumentAsync(Officer.Nobody("u-x"), FakeEoffice.Seed001Id, CancellationToken.None);

        Assert.True(manager.CanManage);
        Assert.Equal(["Ủy ban nhân dân phường Phố Hiến", "Ủy ban nhân dân xã Tân Hưng"], manager.Assignments.Select(a => a.Assignment.UnitName));
        Assert.Equal(40, Assert.Single(manager.Assignments[0].Reports).Percent);
        Assert.False(unit.CanManage);
        Assert.Equal([FakeEoffice.Commune], unit.Assignments.Select(a => a.Assignment.UnitId));
        Assert.Empty(none);
    }

    [Fact]
    public async Task AnExtensionRequest_IsAudited_WithWhoWhenTheDateAndWhy()
    {
        clock.Advance(TimeSpan.FromHours(3)); // 10/11 12:00 in Hà Nội
        var request = await service.RequestExtensionAsync(TanHung, tanHung.Id, new DateOnly(2026, 11, 30), "Chờ kết quả khảo sát của các thôn", CancellationToken.None);

        var row = Assert.Single(await data.AuditTrailAsync<ExtensionRecord>(request.Id));
        Assert.Equal(("insert", FakeUsers.CommuneOfficer, FakeEoffice.Commune, clock.GetUtcNow()), (row.Action, row.ActorUserId, row.ActorUnitId, row.At));
        Assert.Equal("Xin gia hạn đến 30/11/2026: Chờ kết quả khảo sát của các thôn", row.Reason);
        Assert.Contains("\"requested_due\":\"2026-11-30\"", row.NewJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExtensionRefusal_IsAudited_WithWhoWhenAndWhy_AndTheDueDateIsUntouched()
    {
        var request = await service.RequestExtensionAsync(TanHung, tanHung.Id, new DateOnly(2026, 11, 30), "Chờ số liệu", CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        await service.DecideExtensionAsync(ProvinceOfficer, request.Id, request.Version, approve: false, reason: "Hạn của tỉnh không thể lùi", CancellationToken.None);

        var trail = await data.AuditTrailAsync<ExtensionRecord>(request.Id);
        Assert.Equal(["insert", "update"], trail.Select(e => e.Action));
        var refusal = trail[1];
        Assert.Equal((FakeUsers.ProvinceOfficer, FakeUsers.Province, clock.GetUtcNow()), (refusal.ActorUserId, refusal.ActorUnitId, refusal.At));
        Assert.Equal("Không đồng ý gia hạn: Hạn của tỉnh không thể lùi", refusal.Reason);
        Assert.Equal((ExtensionState.Pending, ExtensionState.Rejected), (StateIn<ExtensionState>(refusal.OldJson), StateIn<ExtensionState>(refusal.NewJson)));
        Assert.DoesNotContain(await data.AuditTrailAsync<AssignmentRecord>(tanHung.Id), e => e.Reason?.StartsWith("Không đồng ý", StringComparison.Ordinal) == true);
        Assert.Equal(new DateOnly(2026, 11, 15), (await ReloadAsync(tanHung)).DueDate);
    }

    [Fact]
    public async Task CompletingAnAssignmentByAcceptingItsReport_IsAudited_OnTheAssignment()
    {
        var report = await service.SubmitReportAsync(TanHung, tanHung.Id, tanHung.Version, Input(100), CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));
        await service.ReviewReportAsync(Appraiser, report.Id, report.Version, accept: true, reason: "Đạt yêu cầu", CancellationToken.None);

        var completion = (await data.AuditTrailAsync<AssignmentRecord>(tanHung.Id))[^1];
        Assert.Equal(("update", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, clock.GetUtcNow()), (completion.Action, completion.ActorUserId, completion.ActorUnitId, completion.At));
        Assert.Equal("Chấp nhận báo cáo tiến độ: Đạt yêu cầu", completion.Reason);
        Assert.Equal((AssignmentState.Open, AssignmentState.Completed), (StateIn<AssignmentState>(completion.OldJson), StateIn<AssignmentState>(completion.NewJson)));
        Assert.Equal("100", System.Text.Json.JsonDocument.Parse(completion.NewJson!).RootElement.GetProperty("progress_percent").ToString());
    }

    // The audit keeps stored columns as JSON; an enum column may be written as its number or its name.
    private static T StateIn<T>(string? json)
        where T : struct, Enum =>
        Enum.Parse<T>(System.Text.Json.JsonDocument.Parse(json!).RootElement.GetProperty("state").ToString());
}
