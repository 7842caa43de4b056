using System.Net;
using System.Text.RegularExpressions;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using DanVan.Plugins.Testing;
using Microsoft.Data.Sqlite;

namespace DanVan.Plugins.Tasks.Tests.Reminders;

/// <summary>
/// Reminders through the runtime's durable jobs and outbox, on a fake clock: 3 days before the due
/// date, on it, and the day after when still open; none for an assignment already completed; each once.
/// </summary>
public sealed partial class ReminderTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    // 01/11/2026 10:00 in Hà Nội.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "danvan-tasks-reminders-" + Guid.NewGuid().ToString("N"));
    private FakeEoffice eoffice = null!;
    private PluginTestHost host = null!;

    public async Task InitializeAsync()
    {
        eoffice = await FakeEoffice.StartAsync();
        host = await PluginTestHost.StartAsync(TasksPluginBuild.Directory, configure: o =>
        {
            eoffice.Configure(o);
            o.DataDirectory = dataDirectory;
        }, time: clock);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await eoffice.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    [Fact]
    public async Task BeforeOnAndAfterTheDueDate_TheUnitsAreRemindedOnceEach_ExceptForWorkAlreadyDone()
    {
        // Item 1 goes to the two communes, for 2026 and 2027.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await ConfirmAsync("1");
        output.WriteLine($"confirmed {watch.ElapsedMilliseconds} ms");

        clock.Advance(new DateTimeOffset(2026, 11, 12, 1, 1, 0, TimeSpan.Zero) - clock.GetUtcNow()); // 12/11 08:01
        await eoffice.WaitForNotificationsAsync(2, TimeSpan.FromSeconds(30));
        var before = eoffice.Notifications.ToList();
        output.WriteLine($"before-due reminders {watch.ElapsedMilliseconds} ms");

        // Xã Tân Hưng reports its 2026 work done before the due date: it hears nothing more about it.
        var (id, version) = FirstForm(await UnitPageAsync());
        Assert.Equal(HttpStatusCode.OK, await CompleteAsync(id, version));

        clock.Advance(new DateTimeOffset(2026, 11, 16, 1, 1, 0, TimeSpan.Zero) - clock.GetUtcNow()); // 16/11 08:01
        await eoffice.WaitForNotificationsAsync(4, TimeSpan.FromSeconds(30));
        var all = eoffice.Notifications.ToList();
        output.WriteLine($"all reminders {watch.ElapsedMilliseconds} ms");

        Assert.All(before, n => Assert.StartsWith("Sắp đến hạn (15/11/2026): ", n.Title, StringComparison.Ordinal));
        Assert.Equal(2, before.Select(n => n.OrgUnitIds[0]).Distinct().Count());
        var later = all.Skip(2).ToList();
        Assert.Equal(2, later.Count);
        Assert.DoesNotContain(later, n => n.OrgUnitIds[0] == FakeEoffice.Commune);
        Assert.Single(later, n => n.Title.StartsWith("Hôm nay đến hạn: ", StringComparison.Ordinal));
        var overdue = Assert.Single(later, n => n.Title.StartsWith("Quá hạn từ 15/11/2026: ", StringComparison.Ordinal));
        // Escalation: the unit that issued the task hears of the overdue work too.
        Assert.Contains(FakeEoffice.Commune, overdue.OrgUnitIds);
        Assert.Equal(all.Count, all.Select(n => n.IdempotencyKey).Distinct().Count());
        Assert.All(all, n => Assert.Equal("danvan.tasks", n.PluginId));
    }

    private async Task ConfirmAsync(params string[] items)
    {
        using var client = host.CreatePageClient();
        using var form = new FormUrlEncodedContent(items.Select(i => new KeyValuePair<string, string>("muc", i)));
        using var response = await client.PostAsync(host.TabPagePath("document-tasks", FakeEoffice.Officer, FakeEoffice.Commune, FakeEoffice.Seed001Id, "xac-nhan"), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã tạo 1 nhiệm vụ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> UnitPageAsync()
    {
        using var response = await host.GetTabPageAsync("unit-tasks", FakeEoffice.Officer, FakeEoffice.Commune);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpStatusCode> CompleteAsync(string id, string version)
    {
        using var client = host.CreatePageClient();
        using var form = new FormUrlEncodedContent([new("id", id), new("version", version)]);
        using var response = await client.PostAsync(host.TabPagePath("unit-tasks", FakeEoffice.Officer, FakeEoffice.Commune, relativePath: "hoan-thanh"), form);
        return response.StatusCode;
    }

    private static (string Id, string Version) FirstForm(string html)
    {
        var match = CompleteForm().Match(html);
        Assert.True(match.Success, "no completion form on the page");
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    [GeneratedRegex("name=\"id\" value=\"([0-9a-f-]+)\"><input type=\"hidden\" name=\"version\" value=\"(\\d+)\">")]
    private static partial Regex CompleteForm();
}
