using System.Text.RegularExpressions;
using DanVan.Plugins.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DanVan.Plugins.Browser.Tests;

/// <summary>Plugin tabs inside the e-office page, as an officer uses them.</summary>
[Collection(DemoCollection.Name)]
public sealed class PluginTabTests(BrowserFixture browser, DemoFixture demo)
{
    private const string TasksPlugin = "danvan.tasks";
    private const string DocumentTasksTab = "danvan.tasks.document-tasks";
    private const string Directive001 = "/van-ban/vb-001-chi-thi-ubnd-tinh-2022";

    [Fact]
    public async Task The_directive_shows_the_tasks_tab_with_its_badge_and_the_draft_inside_it()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "u-tan-hung-can-bo");

        await page.GotoAsync(new Uri(demo.WebAddress, Directive001).AbsoluteUri);
        var tab = page.Locator($"a[data-tab-id='{DocumentTasksTab}']");
        await Assertions.Expect(tab).ToContainTextAsync("Nhiệm vụ");
        await Assertions.Expect(tab.Locator(".badge")).ToHaveTextAsync("8");
        await tab.ClickAsync();

        await Assertions.Expect(page.Locator($"a[data-tab-id='{DocumentTasksTab}']")).ToHaveAttributeAsync("aria-selected", "true");
        var frame = page.FrameLocator("iframe[data-plugin='danvan.tasks']");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("hằng năm");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("Sở Nội vụ");
        // A commune officer reviews but may not confirm: the issuing or reporting units (here UBND tỉnh, qua Sở Nội vụ) do.
        await Assertions.Expect(frame.Locator("#chi-doc")).ToContainTextAsync("chế độ chỉ đọc");
        // The frame is served by the e-office's own origin: nothing third-party for the browser to block.
        var src = await page.Locator("iframe[data-plugin='danvan.tasks']").GetAttributeAsync("src");
        Assert.StartsWith("/tien-ich/", src, StringComparison.Ordinal);
        Assert.Equal(["dv_eoffice_user"], (await context.CookiesAsync()).Select(c => c.Name));
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("03-the-nhiem-vu-chi-thi-001"), FullPage = true });
    }

    [Fact]
    public async Task An_officer_checks_an_item_against_its_source_confirms_the_draft_and_sees_the_work_of_the_unit()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        // Sở Nội vụ's appraiser: 001 reports to UBND tỉnh "qua Sở Nội vụ", so Sở Nội vụ may confirm it and reads every unit.
        await SignInAsync(page, "u-snv-tham-dinh");
        await page.GotoAsync(new Uri(demo.WebAddress, Directive001 + "?tab=" + DocumentTasksTab).AbsoluteUri);
        var frame = page.FrameLocator("iframe[data-plugin='danvan.tasks']");

        // Check item 4 against the directive's own words, then come back to the review.
        await frame.GetByRole(AriaRole.Link, new() { Name = "Xem đoạn gốc của mục 4" }).ClickAsync();
        await Assertions.Expect(frame.Locator("h1")).ToContainTextAsync("4");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("Chương trình tổng thể cải cách hành chính");
        await page.GotoAsync(new Uri(demo.WebAddress, Directive001 + "?tab=" + DocumentTasksTab).AbsoluteUri);

        // Nothing is created without the officer's confirmation; confirming creates the tasks once.
        await frame.GetByRole(AriaRole.Button, new() { Name = "Xác nhận tạo nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync(new Regex("Đã tạo \\d+ nhiệm vụ"));
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("05-xac-nhan-tao-nhiem-vu"), FullPage = true });

        // Xã Tân Hưng's page now lists its share of the directive.
        await page.GotoAsync(new Uri(demo.WebAddress, "/don-vi/xa-tan-hung?tab=danvan.tasks.unit-tasks").AbsoluteUri);
        var unitFrame = page.FrameLocator("iframe[data-plugin='danvan.tasks']");
        await Assertions.Expect(unitFrame.Locator("body")).ToContainTextAsync("15/11/");
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("06-viec-cua-don-vi-xa-tan-hung"), FullPage = true });
    }

    [Fact]
    public async Task A_disabled_plugin_shows_the_unavailable_panel_and_the_document_stays_readable()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "u-tan-hung-can-bo");
        await page.GotoAsync(new Uri(demo.WebAddress, Directive001 + "?tab=" + DocumentTasksTab).AbsoluteUri);
        var frame = page.FrameLocator("iframe[data-plugin='danvan.tasks']");
        await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("hằng năm");

        await demo.Admin.DisableAsync(TasksPlugin, "browser-test");
        try
        {
            // The tab already open: its next page load gets the panel, not an error.
            await page.Locator("iframe[data-plugin='danvan.tasks']").EvaluateAsync("f => f.contentWindow.location.reload()");
            await Assertions.Expect(frame.Locator("body")).ToContainTextAsync("Tiện ích tạm thời không khả dụng");
            await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("04-tien-ich-tam-thoi-khong-kha-dung"), FullPage = true });

            // The page opened again: no tab for the disabled plugin, the panel in its place, the text still there.
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator($"a[data-tab-id='{DocumentTasksTab}']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator(".panel")).ToContainTextAsync("Tiện ích tạm thời không khả dụng");
            await Assertions.Expect(page.Locator("article.fulltext")).ToContainTextAsync(new Regex("hằng năm"));
        }
        finally
        {
            await demo.Admin.EnableAsync(TasksPlugin, "browser-test");
        }
    }

    private Task<IBrowserContext> NewContextAsync() =>
        browser.Browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 1366, Height = 900 } });

    private async Task SignInAsync(IPage page, string userId)
    {
        await page.GotoAsync(new Uri(demo.WebAddress, "/dang-nhap").AbsoluteUri);
        await page.Locator($"button[value='{userId}']").ClickAsync();
        await page.WaitForURLAsync("**/van-ban-den");
    }
}
