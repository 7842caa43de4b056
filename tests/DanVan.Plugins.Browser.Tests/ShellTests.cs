using DanVan.Plugins.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DanVan.Plugins.Browser.Tests;

/// <summary>The officer's first sight of the product: the sample e-office in a real browser.</summary>
[Collection(DemoCollection.Name)]
public sealed class ShellTests(BrowserFixture browser, DemoFixture demo)
{
    [Fact]
    public async Task An_officer_signs_in_and_reads_the_Hung_Yen_directive()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(demo.WebAddress.AbsoluteUri);
        await page.Locator("button[value='u-tan-hung-can-bo']").ClickAsync();
        await page.WaitForURLAsync("**/van-ban-den");
        await page.GotoAsync(new Uri(demo.WebAddress, "/van-ban-di").AbsoluteUri);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("tiếp tục tăng cường và đổi mới công tác dân vận") }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("CHỈ THỊ");
        await Assertions.Expect(page.Locator("dl.fields")).ToContainTextAsync("21/02/2022");
        await Assertions.Expect(page.Locator("dl.fields")).ToContainTextAsync("ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN");
        await Assertions.Expect(page.Locator("article.fulltext")).ToContainTextAsync("hằng năm");
        await Assertions.Expect(page.Locator("header.top")).ToContainTextAsync("Nguyễn Văn An");
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("01-chi-thi-hung-yen"), FullPage = true });
    }

    [Fact]
    public async Task Search_ignores_diacritics()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "u-tan-hung-can-bo");

        await page.GotoAsync(new Uri(demo.WebAddress, "/van-ban-den").AbsoluteUri);
        await page.FillAsync("#q", "thap muoi");
        await page.ClickAsync("form.search button");

        await Assertions.Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.list")).ToContainTextAsync("THÁP MƯỜI");
    }

    [Fact]
    public async Task The_document_page_is_readable_on_a_phone()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { Locale = "vi-VN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await SignInAsync(page, "u-tan-hung-can-bo");

        await page.GotoAsync(new Uri(demo.WebAddress, "/van-ban/vb-003-cv-ubnd-huyen-thap-muoi-2023").AbsoluteUri);

        // Nothing wider than the screen: no sideways scrolling to read a field.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a phone screen");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("/UBND-NV");
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("02-dien-thoai-cong-van-thap-muoi"), FullPage = true });
    }

    private async Task SignInAsync(IPage page, string userId)
    {
        await page.GotoAsync(new Uri(demo.WebAddress, "/dang-nhap").AbsoluteUri);
        await page.Locator($"button[value='{userId}']").ClickAsync();
        await page.WaitForURLAsync("**/van-ban-den");
    }
}
