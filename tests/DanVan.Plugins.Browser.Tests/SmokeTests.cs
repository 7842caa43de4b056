using DanVan.Plugins.Browser.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Browser.Tests;

public sealed class SmokeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Chromium_renders_a_local_page()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Content("<html lang=vi><body><h1>Xin chào</h1></body></html>", "text/html; charset=utf-8"));
        await app.StartAsync();
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(app.Urls.First());
        Assert.Equal("Xin chào", await page.InnerTextAsync("h1"));
        await page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("smoke") });
    }
}
