using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Reminders;

/// <summary>
/// Recurring tasks generated ahead by the runtime's durable nightly job, on a fake clock: item 1 of seed 001
/// ("trước ngày 15 tháng 11 hằng năm") for xã Tân Hưng and phường Phố Hiến, confirmed on 01/11/2026.
/// </summary>
public sealed class PeriodGenerationTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Periods = "SELECT group_concat(period_key, ',') FROM (SELECT period_key FROM \"danvan_tasks__assignments\" WHERE unit_id = '{0}' ORDER BY period_key)";
    private ReminderHost r = null!;

    public async Task InitializeAsync()
    {
        r = await ReminderHost.StartAsync(new DateTime(2026, 11, 1, 10, 0, 0));
        r.Log = output.WriteLine;
    }

    public async Task DisposeAsync() => await r.DisposeAsync();

    [Fact]
    public async Task AYearlyTaskConfirmedIn2026_Gets2028_WhenTheClockReaches2027_ExactlyOnce()
    {
        await r.ConfirmAsync("1");
        await r.AdvanceToAsync(new DateTime(2026, 12, 31, 23, 0, 0));
        var inDecember = await PeriodsAsync(FakeEoffice.Commune);

        await r.AdvanceToAsync(new DateTime(2027, 1, 1, 0, 30, 0));
        var onNewYearsDay = await PeriodsAsync(FakeEoffice.Commune);

        // Another night, and a runtime restarted (it schedules its nightly jobs again): nothing twice.
        await r.AdvanceToAsync(new DateTime(2027, 1, 3, 9, 0, 0));
        await r.StopRuntimeAsync();
        await r.StartRuntimeAsync();
        await r.AdvanceToAsync(new DateTime(2027, 1, 4, 9, 0, 0));

        Assert.Equal("2026,2027", inDecember);
        Assert.Equal("2026,2027,2028", onNewYearsDay);
        Assert.Equal("2026,2027,2028", await PeriodsAsync(FakeEoffice.Commune));
        Assert.Equal("2026,2027,2028", await PeriodsAsync("phuong-pho-hien"));
        Assert.Equal("2028-11-15", await r.TextAsync("SELECT DISTINCT due_date FROM \"danvan_tasks__assignments\" WHERE period_key = '2028'"));
        Assert.Equal(1, await r.ScalarAsync("SELECT COUNT(*) FROM danvan_jobs WHERE job_name = 'generate-periods'"));

        // Audited: the system inserted the two 2028 assignments, saying why.
        Assert.Equal(2, await r.ScalarAsync($"""
            SELECT COUNT(*) FROM danvan_audit a JOIN "danvan_tasks__assignments" s ON replace(lower(a.record_id), '-', '') = replace(lower(s.id), '-', '')
            WHERE s.period_key = '2028' AND a.action = 'insert' AND a.actor_user_id = 'system' AND a.reason = '{PeriodGenerator.Reason}'
            """));
    }

    [Fact]
    public async Task AYearlyDateAlreadyPastAtConfirmation_StartsWithNextYear_AndNothingIsOverdue()
    {
        await r.AdvanceToAsync(new DateTime(2026, 12, 5, 9, 0, 0));

        await r.ConfirmAsync("1");
        await r.AdvanceToAsync(new DateTime(2026, 12, 6, 9, 0, 0));

        Assert.Equal("2027", await PeriodsAsync(FakeEoffice.Commune));
        Assert.Equal("2027-11-15", await r.TextAsync("SELECT DISTINCT due_date FROM \"danvan_tasks__assignments\""));
        Assert.Empty(r.Eoffice.Notifications);
    }

    private Task<string> PeriodsAsync(string unit) => r.TextAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, Periods, unit));
}
