using Microsoft.Playwright;

namespace DanVan.Plugins.Browser.Tests.Infrastructure;

/// <summary>
/// The signed-in officer's "Thông báo" page read as entries. Reminders travel through the runtime's
/// durable jobs and outbox to the e-office after the clock moved, asynchronously, and the e-office
/// offers no push to a test; so the page, the state an officer observes, is polled (every 250 ms, at
/// most a minute of wall time) until a condition holds.
/// </summary>
internal static class Inbox
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    public static async Task<IReadOnlyList<InboxEntry>> ReadAsync(IPage page, Uri webAddress)
    {
        await page.GotoAsync(new Uri(webAddress, "/thong-bao").AbsoluteUri);
        var cards = page.Locator("ol.inbox > li");
        var titles = await cards.Locator("h2").AllInnerTextsAsync();
        var bodies = await cards.Locator("p.body").AllInnerTextsAsync();
        Assert.Equal(titles.Count, bodies.Count);
        return [.. titles.Zip(bodies, (title, body) => new InboxEntry(title.Trim(), body.Trim()))];
    }

    /// <summary>The entries once <paramref name="arrived"/> holds for them; the last read when it never does (the caller's assertions then say what is missing).</summary>
    public static async Task<IReadOnlyList<InboxEntry>> WhenAsync(IPage page, Uri webAddress, Func<IReadOnlyList<InboxEntry>, bool> arrived)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var entries = await ReadAsync(page, webAddress);
            if (arrived(entries) || DateTime.UtcNow > until)
            {
                return entries;
            }

            await page.WaitForTimeoutAsync(250);
        }
    }
}
