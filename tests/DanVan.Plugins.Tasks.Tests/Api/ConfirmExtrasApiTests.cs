using DanVan.Plugins.Contracts.Tasks.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using Google.Protobuf.WellKnownTypes;

namespace DanVan.Plugins.Tasks.Tests.Api;

/// <summary>
/// ConfirmDraft's additive fields over HTTP/2 through the runtime: the draft fingerprint (a document changed
/// since the draft was read), tasks added by hand, and the co-operating, report-to/via and follower units of an item.
/// </summary>
public sealed class ConfirmExtrasApiTests : IAsyncLifetime
{
    private const string Finance = "so-tai-chinh-hung-yen";
    private const string Province = "ubnd-tinh-hung-yen";
    private TasksApiHost api = null!;

    public async Task InitializeAsync() => api = await TasksApiHost.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task ADocumentChangedSinceTheDraftWasRead_IsAborted_AndSavesNothing_WithoutAFingerprintItIsNotChecked()
    {
        var draft = (await api.Client.GetDocumentDraftAsync(new GetDocumentDraftRequest { DocumentId = FakeEoffice.Seed001Id }, TasksApiHost.As(FakeUsers.ProvinceOfficer))).Draft;
        var unchanged = new ConfirmDraftRequest { DocumentId = FakeEoffice.Seed001Id, DraftFingerprint = draft.Fingerprint, Items = { new ItemConfirmation { ItemPath = "1" } } };
        api.Eoffice.Seed001Now = d =>
        {
            d.UpdateTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero));
            return d;
        };

        var stale = await Assert.ThrowsAsync<RpcException>(() => api.Client.ConfirmDraftAsync(unchanged, TasksApiHost.As(FakeUsers.ProvinceOfficer)).ResponseAsync);
        var saved = await api.ScalarAsync("SELECT COUNT(*) FROM \"danvan_tasks__tasks\"");
        var fresh = (await api.Client.GetDocumentDraftAsync(new GetDocumentDraftRequest { DocumentId = FakeEoffice.Seed001Id }, TasksApiHost.As(FakeUsers.ProvinceOfficer))).Draft;
        var withFresh = await api.Client.ConfirmDraftAsync(new ConfirmDraftRequest { DocumentId = FakeEoffice.Seed001Id, DraftFingerprint = fresh.Fingerprint, Items = { new ItemConfirmation { ItemPath = "1" } } }, TasksApiHost.As(FakeUsers.ProvinceOfficer));
        var without = await api.ConfirmAsync("8");

        Assert.Matches("^[0-9a-f]{32}$", draft.Fingerprint);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.StartsWith("Văn bản đã thay đổi", stale.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(0, saved);
        Assert.NotEqual(draft.Fingerprint, fresh.Fingerprint);
        Assert.Equal(1, withFresh.TasksCreated);
        Assert.Equal(1, without.TasksCreated);
    }

    [Fact]
    public async Task ATaskAddedByHand_IsCreatedOnce_ForItsLead_WithItsCooperatingUnitsAndYearlyDeadline()
    {
        var request = new ConfirmDraftRequest
        {
            DocumentId = FakeEoffice.EmptyId,
            ManualItems =
            {
                new ManualTask
                {
                    Content = "Tổ chức đối thoại với Nhân dân về công tác dân vận chính quyền",
                    LeadUnitId = FakeEoffice.Commune,
                    CooperatingUnitIds = { FakeEoffice.HomeAffairs },
                    DueRule = new DueRule { Kind = DueRuleKind.Yearly, Day = 15, Month = 11 },
                },
            },
        };

        var first = await api.Client.ConfirmDraftAsync(request, TasksApiHost.As(FakeUsers.Appraiser));
        var again = await api.Client.ConfirmDraftAsync(request, TasksApiHost.As(FakeUsers.Appraiser));
        var denied = await Assert.ThrowsAsync<RpcException>(() => api.Client.ConfirmDraftAsync(request, TasksApiHost.As(FakeUsers.CommuneOfficer)).ResponseAsync);

        Assert.Equal((1, 2), (first.TasksCreated, first.AssignmentsCreated));
        var task = Assert.Single(first.Tasks);
        Assert.StartsWith("tc-", task.ItemPath, StringComparison.Ordinal);
        Assert.Equal("Tổ chức đối thoại với Nhân dân về công tác dân vận chính quyền", task.Content);
        Assert.Equal((0, 0), (again.TasksCreated, again.AssignmentsCreated));
        Assert.Equal([task.ItemPath], again.AlreadyCreatedItemPaths);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal($"{FakeEoffice.Commune}|{FakeEoffice.HomeAffairs}", await TextAsync("SELECT lead_unit_id || '|' || cooperating_unit_ids FROM \"danvan_tasks__tasks\""));
        Assert.Equal("2026:2026-11-15,2027:2027-11-15", await TextAsync($"SELECT group_concat(period_key || ':' || due_date, ',') FROM (SELECT * FROM \"danvan_tasks__assignments\" WHERE unit_id = '{FakeEoffice.Commune}' ORDER BY period_key)"));
    }

    [Theory]
    [InlineData("blank-content", "manual_items[0].content")]
    [InlineData("no-lead", "manual_items[0].lead_unit_id")]
    [InlineData("unknown-lead", "manual_items[0].lead_unit_id")]
    [InlineData("dissolved-cooperating", "manual_items[0].cooperating_unit_ids[1]")]
    [InlineData("30-february", "manual_items[0].due_rule.day")]
    public async Task ABadTaskByHand_NamesTheField_AndSavesNothing(string scenario, string field)
    {
        var manual = new ManualTask { Content = "Rà soát thủ tục hành chính", LeadUnitId = FakeEoffice.Commune };
        switch (scenario)
        {
            case "blank-content": manual.Content = "  "; break;
            case "no-lead": manual.LeadUnitId = ""; break;
            case "unknown-lead": manual.LeadUnitId = "xa-khong-co"; break;
            case "dissolved-cooperating": manual.CooperatingUnitIds.Add(FakeEoffice.HomeAffairs); manual.CooperatingUnitIds.Add("ubnd-huyen-tien-lu"); break;
            case "30-february": manual.DueRule = new DueRule { Kind = DueRuleKind.OneOff, Day = 30, Month = 2, Year = 2027 }; break;
        }

        var request = new ConfirmDraftRequest { DocumentId = FakeEoffice.Seed001Id, Items = { new ItemConfirmation { ItemPath = "1" } }, ManualItems = { manual } };
        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Client.ConfirmDraftAsync(request, TasksApiHost.As(FakeUsers.ProvinceOfficer)).ResponseAsync);

        Assert.True(ex.StatusCode == StatusCode.InvalidArgument && TasksApiHost.Fields(ex).SequenceEqual([field]), $"{ex.StatusCode} {string.Join(",", TasksApiHost.Fields(ex))}: {ex.Status.Detail}");
        Assert.Equal(0, await api.ScalarAsync("SELECT COUNT(*) FROM \"danvan_tasks__tasks\""));
    }

    [Fact]
    public async Task AnItemsCooperatingReportAndFollowerUnits_AreStoredAsTheTabStoresThem()
    {
        var request = new ConfirmDraftRequest
        {
            DocumentId = FakeEoffice.Seed001Id,
            Items =
            {
                new ItemConfirmation
                {
                    ItemPath = "1",
                    CooperatingUnitIds = { Finance, FakeEoffice.HomeAffairs },
                    ReportToUnitId = FakeEoffice.HomeAffairs,
                    ReportViaUnitId = Finance,
                    FollowerUnitIds = { Province },
                },
            },
        };

        await api.Client.ConfirmDraftAsync(request, TasksApiHost.As(FakeUsers.ProvinceOfficer));

        Assert.Equal(
            $"{Finance},{FakeEoffice.HomeAffairs}|{FakeEoffice.HomeAffairs}|{Finance}|{Province}",
            await TextAsync("SELECT cooperating_unit_ids || '|' || report_to_unit_id || '|' || report_via_unit_id || '|' || follower_unit_ids FROM \"danvan_tasks__tasks\""));
    }

    [Theory]
    [InlineData("cooperating", "items[0].cooperating_unit_ids[1]")]
    [InlineData("report-to", "items[0].report_to_unit_id")]
    [InlineData("report-via", "items[0].report_via_unit_id")]
    [InlineData("follower", "items[0].follower_unit_ids[0]")]
    [InlineData("blank-follower", "items[0].follower_unit_ids[0]")]
    public async Task AnUnknownOrDissolvedUnit_NamesTheField_AndSavesNothing(string scenario, string field)
    {
        var item = new ItemConfirmation { ItemPath = "1" };
        switch (scenario)
        {
            case "cooperating": item.CooperatingUnitIds.Add(Finance); item.CooperatingUnitIds.Add("xa-khong-co"); break;
            case "report-to": item.ReportToUnitId = "ubnd-huyen-tien-lu"; break;
            case "report-via": item.ReportViaUnitId = "so-khong-co"; break;
            case "follower": item.FollowerUnitIds.Add("ubnd-huyen-tien-lu"); break;
            case "blank-follower": item.FollowerUnitIds.Add(" "); break;
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => api.Client.ConfirmDraftAsync(new ConfirmDraftRequest { DocumentId = FakeEoffice.Seed001Id, Items = { item } }, TasksApiHost.As(FakeUsers.ProvinceOfficer)).ResponseAsync);

        Assert.True(ex.StatusCode == StatusCode.InvalidArgument && TasksApiHost.Fields(ex).SequenceEqual([field]), $"{ex.StatusCode} {string.Join(",", TasksApiHost.Fields(ex))}: {ex.Status.Detail}");
        Assert.Equal(0, await api.ScalarAsync("SELECT COUNT(*) FROM \"danvan_tasks__tasks\""));
    }

    private async Task<string> TextAsync(string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={api.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
