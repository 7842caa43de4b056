using DanVan.Plugins.Contracts.Tasks.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Api;

/// <summary>GetDocumentDraft and ConfirmDraft over HTTP/2 through the runtime: seed 001, the e-office's refusals, who may confirm, edits, bad input.</summary>
public sealed class DraftAndConfirmApiTests : IAsyncLifetime
{
    private TasksApiHost api = null!;

    public async Task InitializeAsync() => api = await TasksApiHost.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Draft_OfSeed001_HasEightItems_SpansIntoTheText_UnitsAndTheYearlyDeadline()
    {
        var draft = (await api.Client.GetDocumentDraftAsync(new GetDocumentDraftRequest { DocumentId = FakeEoffice.Seed001Id }, TasksApiHost.As(FakeUsers.CommuneOfficer))).Draft;

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], draft.Items.Select(i => i.Path));
        Assert.All(draft.Items, i => Assert.Equal(DraftItemKind.Numbered, i.Kind));
        Assert.Equal("Chỉ thị số 05/CT-UBND ngày 21/02/2022", draft.DocumentTitle);
        var item4 = draft.Items[3];
        Assert.StartsWith("Tổ chức triển khai có hiệu quả Chương trình tổng thể", item4.Text, StringComparison.Ordinal);
        Assert.StartsWith("Tổ chức triển khai", draft.Text.Substring(item4.Span.Start, item4.Span.Length), StringComparison.Ordinal);
        var deadline = Assert.Single(draft.ClosingDeadlines);
        Assert.Equal((DueRuleKind.Yearly, 15, 11, "trước ngày 15 tháng 11 hằng năm"), (deadline.Rule.Kind, deadline.Rule.Day, deadline.Rule.Month, deadline.Rule.Description));
        Assert.Equal("trước ngày 15 tháng 11 hằng năm", draft.Text.Substring(deadline.Span.Start, deadline.Span.Length));
        Assert.InRange(deadline.Confidence, 0.8, 1);
        var report = Assert.Single(draft.ClosingReports);
        Assert.Equal(("UBND tỉnh", "Sở Nội vụ"), (report.ReportTo.Name, report.Via.Name));
        Assert.Equal((UnitResolutionStatus.Resolved, FakeEoffice.HomeAffairs), (report.Via.Resolution, report.Via.SuggestedUnitId));
        Assert.NotEmpty(draft.Addressees);
        Assert.DoesNotContain(draft.Items, i => i.TaskCreated);
    }

    [Fact]
    public async Task Draft_OfAnEmptyDocument_IsEmptyWithAMessage_AndTheEofficesRefusalsArePassedOn()
    {
        var empty = (await api.Client.GetDocumentDraftAsync(new GetDocumentDraftRequest { DocumentId = FakeEoffice.EmptyId }, TasksApiHost.As(FakeUsers.CommuneOfficer))).Draft;
        var secret = await Assert.ThrowsAsync<RpcException>(() => api.Client.GetDocumentDraftAsync(new GetDocumentDraftRequest { DocumentId = FakeEoffice.SecretId }, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => api.Client.GetDocumentDraftAsync(new GetDocumentDraftRequest { DocumentId = "vb-khong-co" }, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);
        var blank = await Assert.ThrowsAsync<RpcException>(() => api.Client.GetDocumentDraftAsync(new GetDocumentDraftRequest(), TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);

        Assert.Empty(empty.Items);
        Assert.NotEmpty(empty.Messages);
        Assert.Equal(StatusCode.PermissionDenied, secret.StatusCode);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Không tìm thấy văn bản", missing.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, blank.StatusCode);
        Assert.Equal(["document_id"], TasksApiHost.Fields(blank));
    }

    [Fact]
    public async Task Confirm_ByTheIssuingUnit_CreatesOnce_AuditedWithTheOfficer_AndMarksTheDraft()
    {
        var first = await api.ConfirmAsync("1", "8");
        var again = await api.ConfirmAsync("8");
        var draft = (await api.Client.GetDocumentDraftAsync(new GetDocumentDraftRequest { DocumentId = FakeEoffice.Seed001Id }, TasksApiHost.As(FakeUsers.ProvinceOfficer))).Draft;

        // Item 1 for the two communes, item 8 also for the two departments; 2026 and 2027 each.
        Assert.Equal((2, 12), (first.TasksCreated, first.AssignmentsCreated));
        Assert.Equal(["1", "8"], first.Tasks.Select(t => t.ItemPath));
        Assert.Equal(8, first.Tasks[1].AssignmentCounts.Sum(c => c.Count));
        Assert.Equal((0, 0), (again.TasksCreated, again.AssignmentsCreated));
        Assert.Equal(["8"], again.AlreadyCreatedItemPaths);
        Assert.Equal(["1", "8"], draft.Items.Where(i => i.TaskCreated).Select(i => i.Path));
        Assert.Equal(14, await api.ScalarAsync($"SELECT COUNT(*) FROM danvan_audit WHERE plugin_id = 'danvan.tasks' AND action = 'insert' AND actor_user_id = '{FakeUsers.ProvinceOfficer}'"));
    }

    [Fact]
    public async Task Confirm_NearTheDueDate_SchedulesReminders_AsTheTabDoes()
    {
        api.Clock.Advance(TimeSpan.FromDays(12)); // 13/11/2026: item 8 is due on 15/11, within the 3 days of the "before" reminder

        await api.ConfirmAsync("8");

        // The four units' 2026 assignments, three reminders each (before, on, after the due date); 2027 is left to the nightly sweep.
        Assert.Equal(12, await api.ScalarAsync("SELECT COUNT(*) FROM danvan_jobs WHERE job_name = 'assignment-reminder'"));
    }

    [Fact]
    public async Task Confirm_ByACommuneOfficer_IsPermissionDenied_AndSavesNothing()
    {
        var request = new ConfirmDraftRequest { DocumentId = FakeEoffice.Seed001Id, Items = { new ItemConfirmation { ItemPath = "8" } } };

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Client.ConfirmDraftAsync(request, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("mới được tạo nhiệm vụ", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await api.ScalarAsync("SELECT COUNT(*) FROM \"danvan_tasks__tasks\""));
    }

    [Fact]
    public async Task Confirm_WithEdits_UsesTheOfficersContentUnitsAndDeadline()
    {
        var request = new ConfirmDraftRequest
        {
            DocumentId = FakeEoffice.Seed001Id,
            Items =
            {
                new ItemConfirmation
                {
                    ItemPath = "8",
                    Content = "Rà soát và công khai thủ tục hành chính tại bộ phận một cửa",
                    UnitIds = { FakeEoffice.Commune },
                    DueRule = new DueRule { Kind = DueRuleKind.OneOff, Day = 30, Month = 11, Year = 2026 },
                },
            },
        };

        var response = await api.Client.ConfirmDraftAsync(request, TasksApiHost.As(FakeUsers.Appraiser));
        var assignment = Assert.Single((await api.Client.ListUnitAssignmentsAsync(new ListUnitAssignmentsRequest { UnitId = FakeEoffice.Commune }, TasksApiHost.As(FakeUsers.CommuneOfficer))).Assignments);

        Assert.Equal((1, 1), (response.TasksCreated, response.AssignmentsCreated));
        Assert.Equal("Rà soát và công khai thủ tục hành chính tại bộ phận một cửa", assignment.Task.Content);
        Assert.Equal((2026, 11, 30), (assignment.DueDate.Year, assignment.DueDate.Month, assignment.DueDate.Day));
        Assert.Equal("trước ngày 30/11/2026", assignment.Task.DueRuleDescription);
        Assert.Equal((AssignmentStatus.NotDue, "chưa đến hạn"), (assignment.Status, assignment.StatusLabel));
    }

    [Theory]
    [InlineData("no-items", "items")]
    [InlineData("unknown-item", "items[0].item_path")]
    [InlineData("twice", "items[1].item_path")]
    [InlineData("unknown-unit", "items[0].unit_ids[1]")]
    [InlineData("dissolved-unit", "items[0].unit_ids[0]")]
    [InlineData("30-february", "items[0].due_rule.day")]
    [InlineData("month-13", "items[0].due_rule.month")]
    public async Task Confirm_InvalidInput_NamesTheField_AndSavesNothing(string scenario, string field)
    {
        var item = new ItemConfirmation { ItemPath = "8" };
        var request = new ConfirmDraftRequest { DocumentId = FakeEoffice.Seed001Id, Items = { item } };
        switch (scenario)
        {
            case "no-items": request.Items.Clear(); break;
            case "unknown-item": item.ItemPath = "99"; break;
            case "twice": request.Items.Add(new ItemConfirmation { ItemPath = "8" }); break;
            case "unknown-unit": item.UnitIds.Add(FakeEoffice.Commune); item.UnitIds.Add("xa-khong-co"); break;
            case "dissolved-unit": item.UnitIds.Add("ubnd-huyen-tien-lu"); break;
            case "30-february": item.DueRule = new DueRule { Kind = DueRuleKind.OneOff, Day = 30, Month = 2, Year = 2027 }; break;
            case "month-13": item.DueRule = new DueRule { Kind = DueRuleKind.Yearly, Day = 1, Month = 13 }; break;
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Client.ConfirmDraftAsync(request, TasksApiHost.As(FakeUsers.ProvinceOfficer)).ResponseAsync);

        Assert.True(ex.StatusCode == StatusCode.InvalidArgument && TasksApiHost.Fields(ex).SequenceEqual([field]), $"{ex.StatusCode} {string.Join(",", TasksApiHost.Fields(ex))}: {ex.Status.Detail}");
        Assert.False(string.IsNullOrWhiteSpace(ex.Status.Detail));
        Assert.Equal(0, await api.ScalarAsync("SELECT COUNT(*) FROM \"danvan_tasks__tasks\""));
    }
}
