using System.Net;
using System.Text.RegularExpressions;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using DanVan.Plugins.Testing;
using Google.Protobuf.WellKnownTypes;

namespace DanVan.Plugins.Tasks.Tests.Tabs;

/// <summary>
/// What the tab's confirmation refuses and what it lets a manager add: a task no unit owes, a document changed
/// since the review, tasks added by hand. Sở Nội vụ's appraiser, the real runtime, the fake e-office, 01/11/2026.
/// </summary>
public sealed partial class ConfirmChecksTabTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
    private FakeEoffice eoffice = null!;
    private PluginTestHost host = null!;

    public async Task InitializeAsync()
    {
        eoffice = await FakeEoffice.StartAsync();
        host = await PluginTestHost.StartAsync(TasksPluginBuild.Directory, configure: eoffice.Configure, time: clock);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await eoffice.DisposeAsync();
    }

    [Fact]
    public async Task AnItemNoUnitOwes_IsRefused_WithTheReviewAgain_NothingSaved_UntilALeadIsGiven()
    {
        var (status, html) = await PostAsync(FakeEoffice.NoUnitsId, ("muc", "1"), ("muc", "2"));
        var (_, after) = await GetAsync(FakeEoffice.NoUnitsId);
        var (fixedStatus, created) = await PostAsync(FakeEoffice.NoUnitsId, ("muc", "1"), ("chu-tri.1", FakeEoffice.Commune));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Mục 1 chưa xác định được đơn vị thực hiện", html, StringComparison.Ordinal);
        Assert.Contains("Chưa tạo nhiệm vụ nào; hãy sửa rồi xác nhận lại.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"chon-1\" value=\"1\" checked>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã tạo nhiệm vụ cho", after, StringComparison.Ordinal);
        Assert.DoesNotContain("(đã tạo)", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fixedStatus);
        Assert.Contains("Đã tạo 1 nhiệm vụ và 1 lượt giao việc", created, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDocumentChangedSinceTheReview_IsRefused_AndTheFreshDraftIsShown_ThenConfirmingItWorks()
    {
        var (_, review) = await GetAsync(FakeEoffice.Seed001Id);
        var reviewed = Fingerprint().Match(review).Groups[1].Value;
        eoffice.Seed001Now = d =>
        {
            d.FullText = d.FullText.Replace("15 tháng 11 hằng năm", "20 tháng 11 hằng năm", StringComparison.Ordinal);
            d.UpdateTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 1, 4, 0, 0, TimeSpan.Zero));
            return d;
        };

        var (status, html) = await PostAsync(FakeEoffice.Seed001Id, ("dau-van-ban", reviewed), ("muc", "1"));
        var (_, after) = await GetAsync(FakeEoffice.Seed001Id);
        var fresh = Fingerprint().Match(html).Groups[1].Value;
        var (againStatus, again) = await PostAsync(FakeEoffice.Seed001Id, ("dau-van-ban", fresh), ("muc", "1"));

        Assert.Matches("^[0-9a-f]{32}$", reviewed);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Văn bản đã thay đổi sau khi bạn mở bản rà soát nên chưa tạo nhiệm vụ nào.", html, StringComparison.Ordinal);
        Assert.Contains("trước ngày 20 tháng 11 hằng năm", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã tạo nhiệm vụ cho", after, StringComparison.Ordinal);
        Assert.NotEqual(reviewed, fresh);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Contains("2026: hạn 20/11/2026; 2027: hạn 20/11/2027", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyDraft_OffersToAddATaskByHand_WhichIsCreatedOnce()
    {
        var (_, review) = await GetAsync(FakeEoffice.EmptyId);
        (string, string)[] task =
        [
            ("them.noi-dung", "Tổ chức đối thoại với Nhân dân về công tác dân vận chính quyền"),
            ("them.chu-tri", FakeEoffice.Commune),
            ("them.phoi-hop", FakeEoffice.HomeAffairs),
            ("them.han", "15/11"),
        ];

        var (status, html) = await PostAsync(FakeEoffice.EmptyId, task);
        var (_, again) = await PostAsync(FakeEoffice.EmptyId, task);
        var (_, reviewAfter) = await GetAsync(FakeEoffice.EmptyId);

        Assert.Contains("Bạn có thể thêm nhiệm vụ thủ công", review, StringComparison.Ordinal);
        Assert.Contains("name=\"them.noi-dung\"", review, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đã tạo 1 nhiệm vụ và 2 lượt giao việc", html, StringComparison.Ordinal);
        Assert.Contains("Tổ chức đối thoại với Nhân dân", html, StringComparison.Ordinal);
        Assert.Contains("1 đơn vị: UBND xã Tân Hưng", html, StringComparison.Ordinal);
        Assert.Contains("2026: hạn 15/11/2026; 2027: hạn 15/11/2027", html, StringComparison.Ordinal);
        Assert.Contains("Không tạo thêm nhiệm vụ nào.", again, StringComparison.Ordinal);
        Assert.Contains("Đã tạo nhiệm vụ cho 1 mục", reviewAfter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "30/11/2026", "Nhiệm vụ thêm thủ công: chưa nhập mã đơn vị chủ trì")]
    [InlineData("xa-khong-co", "30/11/2026", "Nhiệm vụ thêm thủ công: không có đơn vị mã “xa-khong-co”")]
    [InlineData("ubnd-huyen-tien-lu", "30/11/2026", "Nhiệm vụ thêm thủ công: đơn vị “Ủy ban nhân dân huyện Tiên Lữ” đã giải thể")]
    [InlineData(FakeEoffice.Commune, "31/02", "Nhiệm vụ thêm thủ công: thời hạn “31/02” không hợp lệ")]
    public async Task ABadTaskByHand_ShowsTheReviewAgain_WithWhatWasTyped_AndSavesNothing(string lead, string due, string message)
    {
        var (status, html) = await PostAsync(FakeEoffice.Seed001Id, ("them.noi-dung", "Rà soát thủ tục hành chính"), ("them.chu-tri", lead), ("them.han", due));
        var (_, after) = await GetAsync(FakeEoffice.Seed001Id);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Rà soát thủ tục hành chính</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã tạo nhiệm vụ cho", after, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string documentId)
    {
        using var response = await host.GetTabPageAsync("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, documentId);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string documentId, params (string Name, string Value)[] fields)
    {
        using var client = host.CreatePageClient();
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await client.PostAsync(host.TabPagePath("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, documentId, "xac-nhan"), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"dau-van-ban\" value=\"([0-9a-f]+)\"")]
    private static partial Regex Fingerprint();
}
