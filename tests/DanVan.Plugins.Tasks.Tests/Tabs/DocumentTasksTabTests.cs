using System.Net;
using System.Text.RegularExpressions;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using DanVan.Plugins.Testing;
using Google.Protobuf.WellKnownTypes;

namespace DanVan.Plugins.Tasks.Tests.Tabs;

/// <summary>
/// The document tab "Nhiệm vụ", its badge and the document events, with the built plugin in the real
/// runtime (PluginTestHost) and a fake e-office over gRPC at the edge.
/// </summary>
public sealed partial class DocumentTasksTabTests : IAsyncLifetime
{
    // 01/11/2026 10:00 in Hà Nội: before seed 001's 15/11, so this year's period is still to come.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
    private FakeEoffice eoffice = null!;
    private PluginTestHost host = null!;

    public async Task InitializeAsync()
    {
        eoffice = await FakeEoffice.StartAsync();
        host = await PluginTestHost.StartAsync(TasksPluginBuild.Directory, configure: o =>
        {
            eoffice.Configure(o);
            // What a badge says is under test here, not the runtime's time budget for it (tested in the runtime's own
            // tests): a cold extractor on a busy 2-core machine can take longer than the default 500 ms.
            o.BadgeTimeout = TimeSpan.FromSeconds(30);
        }, time: clock);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await eoffice.DisposeAsync();
    }

    [Fact]
    public async Task Seed001_ReviewPage_ListsItemsOneToEight_WithUnits_AndTheYearlyDeadline()
    {
        var (status, html) = await PageAsync(FakeEoffice.Seed001Id, user: FakeUsers.Appraiser, unit: FakeEoffice.HomeAffairs);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], ItemPaths().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("Chỉ thị số 05/CT-UBND ngày 21/02/2022 của ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN", html, StringComparison.Ordinal);
        Assert.Contains("Các nhiệm vụ (8)", html, StringComparison.Ordinal);
        Assert.Contains("Mục 4", html, StringComparison.Ordinal);
        Assert.Contains("Tổ chức triển khai có hiệu quả Chương trình tổng thể", html, StringComparison.Ordinal);

        // Units: the opening's groups, the report line resolved against the directory, and a name the directory lacks.
        Assert.Contains("UBND các huyện, thị xã, thành phố</span> <span class=\"tc\">(nhóm đơn vị)</span>", html, StringComparison.Ordinal);
        Assert.Contains("qua <span class=\"dv\" title=\"Sở Nội vụ\">Sở Nội vụ tỉnh Hưng Yên</span>", html, StringComparison.Ordinal);
        Assert.Contains("Bộ Nội vụ — không tìm thấy trong danh mục đơn vị</span> <span class=\"tc thap\">", html, StringComparison.Ordinal);
        Assert.Contains("trước ngày 15 tháng 11 hằng năm", html, StringComparison.Ordinal);

        // The form posts back to the tab with the token; the page was read as the officer.
        Assert.Matches("<form method=\"post\" action=\"/tabs/danvan\\.tasks/document-tasks/xac-nhan\\?dvt=[^\"]+\">", html);
        Assert.Contains("Xác nhận tạo nhiệm vụ", html, StringComparison.Ordinal);
        Assert.All(eoffice.DocumentRequests, r => Assert.Equal(FakeUsers.Appraiser, r.ActingUserId));
        Assert.DoesNotContain("chế độ chỉ đọc", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeUsers.CommuneOfficer, FakeEoffice.Commune)]
    [InlineData(FakeUsers.CommuneLeader, FakeEoffice.Commune)]
    [InlineData(FakeUsers.OtherCommuneOfficer, FakeUsers.OtherCommune)]
    [InlineData(FakeUsers.Unknown, FakeEoffice.Commune)]
    public async Task AnOfficerOutsideTheIssuingAndReportingUnits_SeesTheReviewReadOnly_AndCannotConfirm(string user, string unit)
    {
        var (status, html) = await PageAsync(FakeEoffice.Seed001Id, user: user, unit: unit);
        var (postStatus, posted) = await ConfirmAsync(user, unit, "1", "8");
        var (_, after) = await PageAsync(FakeEoffice.Seed001Id, user: FakeUsers.Appraiser, unit: FakeEoffice.HomeAffairs);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Các nhiệm vụ (8)", html, StringComparison.Ordinal);
        Assert.Contains("chế độ chỉ đọc: chỉ cán bộ của đơn vị ban hành văn bản", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, postStatus);
        Assert.Contains("Không tạo nhiệm vụ nào.", posted, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã tạo nhiệm vụ cho", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOfficerOfTheIssuingUnit_MayConfirm_AViewerThereMayNot()
    {
        var (_, viewer) = await PageAsync(FakeEoffice.Seed001Id, user: FakeUsers.CommuneViewer, unit: FakeEoffice.Commune);
        var (status, html) = await ConfirmAsync(FakeUsers.ProvinceOfficer, FakeUsers.Province, "8");

        Assert.Contains("chế độ chỉ đọc", viewer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã tạo 1 nhiệm vụ và 8 lượt giao việc", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemSource_HighlightsTheItemsPassage_AndTheDeadlineInTheClosing()
    {
        var (status, html) = await PageAsync(FakeEoffice.Seed001Id, "muc/4");
        var (closingStatus, closing) = await PageAsync(FakeEoffice.Seed001Id, "muc/ket-luan");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đoạn gốc của mục 4", html, StringComparison.Ordinal);
        Assert.Matches("<mark id=\"doan\">4\\. Tổ chức triển khai có hiệu quả", html);
        Assert.Equal(HttpStatusCode.OK, closingStatus);
        Assert.Contains("<mark class=\"han\">trước ngày 15 tháng 11 hằng năm</mark>", closing, StringComparison.Ordinal);
        Assert.Contains("(qua <mark class=\"dv\">Sở Nội vụ</mark> tổng hợp)", closing, StringComparison.Ordinal);

        // Around it: the end of item 8 (a long paragraph, cut at a word) and the Nơi nhận block after.
        Assert.Matches("<span class=\"ngoai\">…[^<]*trình cấp có thẩm quyền theo quy định\\.\\s*</span><mark id=\"doan\">Thủ trưởng", closing);
        Assert.Matches("</mark><span class=\"ngoai\">\\s*Nơi nhận: HV</span>", closing);
    }

    [Fact]
    public async Task ItemSource_UnknownItem_IsAClearNotFoundPage()
    {
        var (status, html) = await PageAsync(FakeEoffice.Seed001Id, "muc/9");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Văn bản không có mục “9”.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_ChosenItems_OneAssignmentPerUnitPerYear_ThisYearAndNext()
    {
        var (status, html) = await ConfirmAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs, "1", "8");

        Assert.Equal(HttpStatusCode.OK, status);

        // Item 8 is for "các sở, ban, ngành tỉnh" and "UBND các huyện, thị xã, thành phố": the province's two
        // departments and, the districts being gone, its two communes (not Ninh Bình's); 2 years each. Its own
        // "Hằng năm" takes its date from the closing's "trước ngày 15 tháng 11 hằng năm".
        var item8 = html[html.IndexOf("data-path=\"8\"", StringComparison.Ordinal)..];
        Assert.Contains("4 đơn vị: Sở Nội vụ, Sở Tài chính, UBND xã Tân Hưng, UBND phường Phố Hiến", item8, StringComparison.Ordinal);
        Assert.DoesNotContain("Xuân Trường", html, StringComparison.Ordinal);
        Assert.Contains("2026: hạn 15/11/2026; 2027: hạn 15/11/2027", item8, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân tỉnh Hưng Yên (qua Sở Nội vụ tỉnh Hưng Yên)", item8, StringComparison.Ordinal);
        Assert.Contains("Đã tạo 2 nhiệm vụ và 12 lượt giao việc", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftEdits_TravelWithTheConfirmation_ContentLeadCooperatingAndDeadline()
    {
        var (_, review) = await PageAsync(FakeEoffice.Seed001Id, user: FakeUsers.Appraiser, unit: FakeEoffice.HomeAffairs);
        var (status, html) = await ConfirmWithAsync(
            ("muc", "8"),
            ("noi-dung.8", "Báo cáo kết quả thực hiện Chỉ thị năm 2026 về Sở Nội vụ"),
            ("chu-tri.8", "so-tai-chinh-hung-yen"),
            ("phoi-hop.8", "so-noi-vu-hung-yen"),
            ("han.8", "30/11/2026"));

        Assert.Contains("name=\"han.8\"", review, StringComparison.Ordinal);
        Assert.Contains("Sửa mục 8 trước khi xác nhận", review, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã tạo 1 nhiệm vụ và 4 lượt giao việc", html, StringComparison.Ordinal);
        var item8 = html[html.IndexOf("data-path=\"8\"", StringComparison.Ordinal)..];
        Assert.Contains("Báo cáo kết quả thực hiện Chỉ thị năm 2026 về Sở Nội vụ", item8, StringComparison.Ordinal);
        Assert.Contains("4 đơn vị: Sở Tài chính, Sở Nội vụ, UBND xã Tân Hưng, UBND phường Phố Hiến", item8, StringComparison.Ordinal);
        Assert.Contains("2026: hạn 30/11/2026</dd>", item8, StringComparison.Ordinal);
        Assert.DoesNotContain("2027", item8, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("han.8", "31/13/2026", "Mục 8: thời hạn “31/13/2026” không hợp lệ")]
    [InlineData("chu-tri.8", "so-khong-co", "Mục 8: không có đơn vị mã “so-khong-co” trong danh mục đơn vị.")]
    [InlineData("phoi-hop.8", "so-tai-chinh-hung-yen, ubnd-huyen-tien-lu", "Mục 8: đơn vị “Ủy ban nhân dân huyện Tiên Lữ” đã giải thể từ 30/06/2025")]
    public async Task ABadEdit_ShowsTheReviewAgainWithTheMessage_AndCreatesNothing(string field, string value, string message)
    {
        var (status, html) = await ConfirmWithAsync(("muc", "1"), ("muc", "8"), (field, value));
        var (_, after) = await PageAsync(FakeEoffice.Seed001Id, user: FakeUsers.Appraiser, unit: FakeEoffice.HomeAffairs);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Chưa tạo nhiệm vụ nào; hãy sửa rồi xác nhận lại.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"" + value + "\"", html, StringComparison.Ordinal); // what the officer typed is kept
        Assert.Contains("id=\"chon-8\" value=\"8\" checked>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chon-2\" value=\"2\" checked>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã tạo nhiệm vụ cho", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_NothingChosen_AsksToChoose()
    {
        var (_, html) = await ConfirmAsync(FakeUsers.Appraiser, FakeEoffice.HomeAffairs);

        Assert.Contains("Chưa chọn mục nào.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDocument_IsAClearVietnameseMessage_NotAServerError()
    {
        var (status, html) = await PageAsync("vb-khong-co");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Không tìm thấy văn bản “vb-khong-co”", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentTheOfficerMayNotRead_IsRefused_WithoutShowingItsTasks()
    {
        var (status, html) = await PageAsync(FakeEoffice.SecretId);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Bạn không có quyền xem văn bản này", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mục 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentWithoutText_OpensWithTheExtractorsMessage()
    {
        var (status, html) = await PageAsync(FakeEoffice.EmptyId);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Văn bản trống: không có nội dung để trích nhiệm vụ.", html, StringComparison.Ordinal);
        Assert.Contains("Chưa có nhiệm vụ nào để xác nhận.", html, StringComparison.Ordinal);
        Assert.Contains("Công văn số 12/UBND-VP", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Badge_CountsTheItems()
    {
        var tab = await DocumentTabAsync(FakeEoffice.Seed001Id);

        Assert.Equal(8, tab.Badge.Count);
        Assert.Equal(BadgeSeverity.Info, tab.Badge.Severity);
        Assert.Equal("8 nhiệm vụ trong văn bản", tab.Badge.Tooltip);
        Assert.Equal("Nhiệm vụ", tab.Title);
    }

    [Fact]
    public async Task Badge_UnknownOrEmptyDocument_TabShowsWithoutABadge()
    {
        var unknown = await DocumentTabAsync("vb-khong-co");
        var empty = await DocumentTabAsync(FakeEoffice.EmptyId);

        Assert.Null(unknown.Badge);
        Assert.Null(empty.Badge);
    }

    [Fact]
    public async Task DocumentIssuedEvent_ExtractsAhead_SoTheBadgeNeedsNoFurtherRead()
    {
        var events = new EventsService.EventsServiceClient(host.Channel);
        var issued = new Event { EventId = "ev-1", OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), DocumentIssued = new DocumentIssuedEvent { DocumentId = FakeEoffice.Seed001Id } };

        await events.PublishEventAsync(new PublishEventRequest { Event = issued });
        var readByEvent = Assert.Single(eoffice.DocumentRequests);
        var tab = await DocumentTabAsync(FakeEoffice.Seed001Id);

        Assert.Equal("", readByEvent.ActingUserId); // the runtime's own identity
        Assert.Equal(8, tab.Badge.Count);
        Assert.Single(eoffice.DocumentRequests); // the badge came from the cache
    }

    [Fact]
    public async Task DocumentReceivedEvent_WithSnapshot_ExtractsWithoutReadingTheHost()
    {
        var events = new EventsService.EventsServiceClient(host.Channel);
        var received = new Event
        {
            EventId = "ev-2",
            OccurredAt = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            DocumentReceived = new DocumentReceivedEvent { DocumentId = FakeEoffice.Seed001Id, Document = FakeEoffice.Seed001() },
        };

        await events.PublishEventAsync(new PublishEventRequest { Event = received });
        var tab = await DocumentTabAsync(FakeEoffice.Seed001Id);

        Assert.Equal(8, tab.Badge.Count);
        Assert.Empty(eoffice.DocumentRequests);
    }

    private async Task<(HttpStatusCode Status, string Html)> PageAsync(string documentId, string relativePath = "", string user = FakeEoffice.Officer, string unit = FakeEoffice.Commune)
    {
        using var response = await host.GetTabPageAsync("document-tasks", user, unit, documentId, relativePath);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Html)> ConfirmWithAsync(params (string Name, string Value)[] fields)
    {
        using var client = host.CreatePageClient();
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await client.PostAsync(host.TabPagePath("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, FakeEoffice.Seed001Id, "xac-nhan"), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Html)> ConfirmAsync(string user, string unit, params string[] items)
    {
        using var client = host.CreatePageClient();
        using var form = new FormUrlEncodedContent(items.Select(i => new KeyValuePair<string, string>("muc", i)));
        using var response = await client.PostAsync(host.TabPagePath("document-tasks", user, unit, FakeEoffice.Seed001Id, "xac-nhan"), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<Tab> DocumentTabAsync(string documentId)
    {
        var tabs = new TabsService.TabsServiceClient(host.Channel);
        var response = await tabs.ListTabsAsync(new ListTabsRequest { Context = new TabContext { UserId = FakeEoffice.Officer, OrgUnitId = FakeEoffice.Commune, DocumentId = documentId } });
        return Assert.Single(response.Tabs, t => t.Id == "danvan.tasks.document-tasks");
    }

    [GeneratedRegex("<li class=\"muc\" id=\"muc-[^\"]+\" data-path=\"([^\"]+)\">")]
    private static partial Regex ItemPaths();
}
