using System.Net;
using System.Text;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Shell.Tests.Infrastructure;

namespace DanVan.Plugins.HostSample.Shell.Tests;

public sealed class TabProxyTests : IAsyncLifetime
{
    private ShellUnderTest _shell = null!;

    public async Task InitializeAsync() => _shell = await ShellUnderTest.StartAsync();

    public async Task DisposeAsync() => await _shell.DisposeAsync();

    [Fact]
    public async Task Forwards_to_the_tab_path_with_the_token_in_a_header_and_no_cookie()
    {
        var tab = _shell.OpenTab("user-a");

        using var response = await _shell.Client.SendAsync(_shell.Get($"/tien-ich/{tab.Key}/chi-tiet?nam=2026&dvt=forged", "user-a"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = Assert.Single(_shell.Runtime.Requests);
        Assert.Equal("/tabs/tasks/document-tasks/chi-tiet?nam=2026", forwarded.PathAndQuery);
        Assert.Equal("token-1", forwarded.Token);
        Assert.Equal(string.Empty, forwarded.Cookie);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Rewrites_links_to_the_runtime_tab_path_onto_the_host_origin()
    {
        var tab = _shell.OpenTab("user-a");

        var html = await (await _shell.Client.SendAsync(_shell.Get($"/tien-ich/{tab.Key}/", "user-a"))).Content.ReadAsStringAsync();

        Assert.Contains($"href=\"/tien-ich/{tab.Key}/chi-tiet\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/tabs/tasks/", html, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwards_a_form_post_with_its_body()
    {
        var tab = _shell.OpenTab("user-a");
        var request = _shell.Get($"/tien-ich/{tab.Key}/bao-cao", "user-a");
        request.Method = HttpMethod.Post;
        request.Content = new StringContent("tien_do=50&noi_dung=Đã+triển+khai", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _shell.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forwarded = Assert.Single(_shell.Runtime.Requests);
        Assert.Equal("POST", forwarded.Method);
        Assert.Equal("tien_do=50&noi_dung=Đã+triển+khai", forwarded.Body);
    }

    [Fact]
    public async Task Renews_the_token_shortly_before_it_expires_and_uses_the_new_one()
    {
        var tab = _shell.OpenTab("user-a");
        _shell.Runtime.Tabs.NextExpiry = _shell.Time.GetUtcNow().AddMinutes(20);

        await _shell.Client.SendAsync(_shell.Get($"/tien-ich/{tab.Key}/", "user-a"));
        Assert.Empty(_shell.Runtime.Tabs.Refreshes);

        _shell.Time.Advance(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(30));
        await _shell.Client.SendAsync(_shell.Get($"/tien-ich/{tab.Key}/", "user-a"));
        await _shell.Client.SendAsync(_shell.Get($"/tien-ich/{tab.Key}/", "user-a"));

        var refresh = Assert.Single(_shell.Runtime.Tabs.Refreshes);
        Assert.Equal("token-1", refresh.Token);
        Assert.Equal("tasks.document-tasks", refresh.TabId);
        Assert.Equal("doc-1", refresh.Context.DocumentId);
        Assert.Equal(["token-1", "renewed-1", "renewed-1"], _shell.Runtime.Requests.Select(r => r.Token));
    }

    [Theory]
    [InlineData(StatusCode.NotFound)]
    [InlineData(StatusCode.Unavailable)]
    public async Task A_tab_that_cannot_be_renewed_shows_the_unavailable_panel(StatusCode failure)
    {
        var tab = _shell.OpenTab("user-a");
        _shell.Runtime.Tabs.FailWith = failure;
        _shell.Time.Advance(TimeSpan.FromMinutes(9));

        using var response = await _shell.Client.SendAsync(_shell.Get($"/tien-ich/{tab.Key}/", "user-a"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Tiện ích tạm thời không khả dụng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_shell.Runtime.Requests);
    }

    [Fact]
    public async Task Passes_a_download_on_with_its_vietnamese_file_name()
    {
        var tab = _shell.OpenTab("user-a");
        _shell.Runtime.Page = async http =>
        {
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            http.Response.Headers.ContentDisposition = "attachment; filename=\"bao-cao.xlsx\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.xlsx";
            await http.Response.Body.WriteAsync("PK"u8.ToArray());
        };

        using var response = await _shell.Client.SendAsync(_shell.Get($"/tien-ich/{tab.Key}/xuat-excel", "user-a"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Báo cáo.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task A_runtime_answering_503_becomes_the_host_panel()
    {
        var tab = _shell.OpenTab("user-a");
        _shell.Runtime.Page = http =>
        {
            http.Response.StatusCode = 503;
            return Task.CompletedTask;
        };

        using var response = await _shell.Client.SendAsync(_shell.Get($"/tien-ich/{tab.Key}/", "user-a"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Tiện ích tạm thời không khả dụng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_officer_cannot_use_a_tab_opened_for_someone_else()
    {
        var tab = _shell.OpenTab("user-a");

        using var response = await _shell.Client.SendAsync(_shell.Get($"/tien-ich/{tab.Key}/", "user-b"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_shell.Runtime.Requests);
    }

    [Fact]
    public async Task A_signed_out_browser_gets_no_tab()
    {
        var tab = _shell.OpenTab("user-a");

        using var response = await _shell.Client.SendAsync(_shell.Get($"/tien-ich/{tab.Key}/", asUser: null));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(_shell.Runtime.Requests);
    }

    [Fact]
    public void The_same_screen_keeps_its_key_and_another_screen_gets_its_own()
    {
        var first = _shell.OpenTab("user-a");
        var again = _shell.OpenTab("user-a", token: "token-2");
        var other = _shell.OpenTab("user-b");

        Assert.Equal(first.Key, again.Key);
        Assert.Equal("token-2", _shell.Sessions.Find(first.Key)!.Current.Token);
        Assert.NotEqual(first.Key, other.Key);
    }
}
