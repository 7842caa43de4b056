using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Reminders;

/// <summary>The province sets reminderDaysBefore to 5: item 1 of seed 001 (due 15/11/2026) is announced on 10/11, not on 12/11.</summary>
public sealed class ReminderSettingTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private ReminderHost r = null!;

    public async Task InitializeAsync()
    {
        r = await ReminderHost.StartAsync(new DateTime(2026, 11, 1, 10, 0, 0), new Dictionary<string, string> { ["reminderDaysBefore"] = "5" });
        r.Log = output.WriteLine;
    }

    public async Task DisposeAsync() => await r.DisposeAsync();

    [Fact]
    public async Task FiveDaysBefore_TheDueSoonReminderComesOn10November_AndNotAgainOn12November()
    {
        await r.ConfirmAsync("1");

        await r.AdvanceToAsync(new DateTime(2026, 11, 10, 7, 59, 0));
        var before = r.Eoffice.Notifications.Count;
        await r.AdvanceToAsync(new DateTime(2026, 11, 10, 8, 1, 0));
        var onThe10th = r.Eoffice.Notifications.ToList();
        await r.AdvanceToAsync(new DateTime(2026, 11, 14, 20, 0, 0));

        Assert.Equal(0, before);
        Assert.Equal(2, onThe10th.Count);
        Assert.All(onThe10th, n => Assert.StartsWith("Sắp đến hạn (15/11/2026): ", n.Title, StringComparison.Ordinal));
        Assert.All(onThe10th, n => Assert.Contains("Hạn: 15/11/2026 (còn 5 ngày).", n.Body, StringComparison.Ordinal));
        Assert.Equal(2, r.Eoffice.Notifications.Count); // nothing on 12/11, three days before
    }
}
