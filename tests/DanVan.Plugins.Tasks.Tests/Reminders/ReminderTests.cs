using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Reminders;

/// <summary>
/// Reminders through the runtime's durable jobs and outbox, on a fake clock, to the stand-in e-office:
/// item 1 of seed 001 goes to xã Tân Hưng and phường Phố Hiến, due 15/11/2026 (and 15/11/2027).
/// Reminders at 08:00: 12/11 (3 days before), 15/11, 16/11 (overdue, escalated).
/// </summary>
public sealed class ReminderTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string PhoHien = "phuong-pho-hien";
    private ReminderHost r = null!;

    private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();

    public async Task InitializeAsync()
    {
        r = await ReminderHost.StartAsync(new DateTime(2026, 11, 1, 10, 0, 0));
        r.Log = output.WriteLine;
        output.WriteLine($"started in {watch.ElapsedMilliseconds} ms");
    }

    public async Task DisposeAsync()
    {
        var before = watch.ElapsedMilliseconds;
        await r.DisposeAsync();
        output.WriteLine($"stopped in {watch.ElapsedMilliseconds - before} ms");
    }

    [Fact]
    public async Task BeforeOnAndAfterTheDueDate_EachUnitIsRemindedOnce_AndNotAfterItsWorkIsDone()
    {
        await r.ConfirmAsync("1");

        await r.AdvanceToAsync(new DateTime(2026, 11, 12, 7, 59, 0));
        Assert.Empty(r.Eoffice.Notifications);
        await r.AdvanceToAsync(new DateTime(2026, 11, 12, 8, 1, 0));
        var before = r.Eoffice.Notifications.ToList();

        // Xã Tân Hưng reports its 2026 work done: it hears nothing more about it.
        await r.CompleteFirstOfTanHungAsync();
        await r.AdvanceToAsync(new DateTime(2026, 11, 15, 8, 1, 0));
        var onDue = r.Eoffice.Notifications.Skip(before.Count).ToList();
        await r.AdvanceToAsync(new DateTime(2026, 11, 16, 8, 1, 0));
        var overdue = r.Eoffice.Notifications.Skip(before.Count + onDue.Count).ToList();
        await r.AdvanceToAsync(new DateTime(2026, 11, 30, 8, 1, 0));

        Assert.Equal([PhoHien, FakeEoffice.Commune], before.Select(n => n.OrgUnitIds[0]).Order());
        Assert.All(before, n => Assert.StartsWith("Sắp đến hạn (15/11/2026): ", n.Title, StringComparison.Ordinal));
        Assert.All(before, n => Assert.Equal([Role.UnitLeader, Role.Clerk], n.UnitRoles));
        var due = Assert.Single(onDue);
        Assert.Equal([PhoHien], due.OrgUnitIds);
        Assert.StartsWith("Hôm nay đến hạn (15/11/2026): ", due.Title, StringComparison.Ordinal);
        var late = Assert.Single(overdue);
        Assert.StartsWith("Quá hạn (hạn 15/11/2026): ", late.Title, StringComparison.Ordinal);
        Assert.Equal(NotificationSeverity.Urgent, late.Severity);
        // Escalation: the unit the report goes to, the unit it goes through ("qua Sở Nội vụ") and the
        // unit that issued the directive hear of it too.
        var reportTo = await r.TextAsync("SELECT report_to_unit_id FROM \"danvan_tasks__tasks\"");
        var reportVia = await r.TextAsync("SELECT report_via_unit_id FROM \"danvan_tasks__tasks\"");
        Assert.Equal(new[] { PhoHien, reportTo, reportVia, FakeUsers.Province }.Distinct(), late.OrgUnitIds);
        Assert.NotEqual(PhoHien, reportTo);
        Assert.False(string.IsNullOrEmpty(reportVia));

        // Each reminder reached the e-office once: no repeat, not even a deduplicated one.
        Assert.Equal(4, r.Eoffice.Notifications.Count);
        Assert.Equal(4, r.Eoffice.NotificationCalls.Count);
        Assert.All(r.Eoffice.Notifications, n => Assert.Equal("danvan.tasks", n.PluginId));
        Assert.Equal(4, await r.ScalarAsync("SELECT COUNT(*) FROM danvan_outbox WHERE state = 'sent'"));
    }

    [Fact]
    public async Task TheNotification_SaysWhatWhereFromAndWhenInVietnamese_AndLeadsToTheUnitPage()
    {
        await r.ConfirmAsync("1");
        await r.AdvanceToAsync(new DateTime(2026, 11, 12, 8, 1, 0));

        var n = Assert.Single(r.Eoffice.Notifications, n => n.OrgUnitIds[0] == FakeEoffice.Commune);
        Assert.Matches(@"^danvan\.tasks:[0-9a-f]{32}:20261115:BeforeDue$", n.IdempotencyKey);
        Assert.Equal(NotificationSeverity.Warning, n.Severity);
        Assert.Contains("Ủy ban nhân dân xã Tân Hưng — kỳ 2026", n.Body, StringComparison.Ordinal);
        Assert.Contains("Căn cứ: Chỉ thị số ", n.Body, StringComparison.Ordinal);
        Assert.Contains(", mục 1.", n.Body, StringComparison.Ordinal);
        Assert.Contains("Hạn: 15/11/2026 (còn 3 ngày).", n.Body, StringComparison.Ordinal);
        Assert.True(n.Body.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Equal(FakeEoffice.WebBase + "don-vi/" + FakeEoffice.Commune, n.DeepLink.Url);
        Assert.Equal("Việc của đơn vị — Ủy ban nhân dân xã Tân Hưng", n.DeepLink.Title);
    }

    [Fact]
    public async Task TheClockJumpsPastEveryReminderAtOnce_EachIsSentOnce()
    {
        await r.ConfirmAsync("1");

        await r.AdvanceToAsync(new DateTime(2026, 11, 20, 9, 0, 0));
        await r.AdvanceToAsync(new DateTime(2026, 11, 21, 9, 0, 0));

        var kinds = r.Eoffice.Notifications.Select(n => (n.OrgUnitIds[0], n.IdempotencyKey.Split(':')[^1])).Order().ToList();
        Assert.Equal(
            [(PhoHien, "BeforeDue"), (PhoHien, "OnDue"), (PhoHien, "Overdue"), (FakeEoffice.Commune, "BeforeDue"), (FakeEoffice.Commune, "OnDue"), (FakeEoffice.Commune, "Overdue")],
            kinds);
        Assert.Equal(6, r.Eoffice.NotificationCalls.Count);
        Assert.All(r.Eoffice.Notifications, n => Assert.Contains(":20261115:", n.IdempotencyKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheEofficeIsDownAtReminderTime_TheRemindersWait_ThenArriveOnce()
    {
        await r.ConfirmAsync("1");
        r.Eoffice.NotificationsDown = true;

        await r.AdvanceToAsync(new DateTime(2026, 11, 12, 8, 1, 0));
        await r.AdvanceToAsync(new DateTime(2026, 11, 12, 8, 30, 0));
        var refused = r.Eoffice.NotificationsRefused;
        var waiting = await r.ScalarAsync("SELECT COUNT(*) FROM danvan_outbox WHERE state = 'pending' AND attempts >= 2");
        r.Eoffice.NotificationsDown = false;
        await r.AdvanceToAsync(new DateTime(2026, 11, 12, 9, 0, 0));

        Assert.DoesNotContain(r.Eoffice.Notifications, n => n.IdempotencyKey.EndsWith("OnDue", StringComparison.Ordinal));
        Assert.True(refused >= 4, $"refused {refused}");
        Assert.Equal(2, waiting);
        Assert.Equal([PhoHien, FakeEoffice.Commune], r.Eoffice.Notifications.Select(n => n.OrgUnitIds[0]).Order());
        Assert.Equal(2, await r.ScalarAsync("SELECT COUNT(*) FROM danvan_outbox WHERE state = 'sent'"));
        // Every call but the two that delivered was refused: none was sent twice.
        Assert.Equal(refused + 2, r.Eoffice.NotificationCalls.Count);
    }

    [Fact]
    public async Task TheRuntimeIsDownOverEveryReminder_WhenItIsBack_EachIsSentOnce()
    {
        await r.ConfirmAsync("1");
        await r.AdvanceToAsync(new DateTime(2026, 11, 11, 18, 0, 0));

        await r.StopRuntimeAsync();
        r.Clock.Advance(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(7)) - r.Clock.GetUtcNow());
        Assert.Empty(r.Eoffice.NotificationCalls);
        await r.StartRuntimeAsync();
        await r.AdvanceToAsync(new DateTime(2026, 11, 17, 9, 0, 0));

        Assert.Equal(6, r.Eoffice.Notifications.Count);
        Assert.Equal(6, r.Eoffice.NotificationCalls.Select(c => c.IdempotencyKey).Distinct().Count());
        Assert.Equal(6, r.Eoffice.NotificationCalls.Count);
        Assert.Equal(3, r.Eoffice.Notifications.Count(n => n.OrgUnitIds[0] == PhoHien));
    }

    [Fact]
    public async Task AnExtensionMovesTheReminders_ToTheNewDueDate()
    {
        await r.ConfirmAsync("1");
        await r.AdvanceToAsync(new DateTime(2026, 11, 12, 8, 1, 0));

        // Phường Phố Hiến's extension to 30/11/2026 is approved on 13/11.
        await r.AdvanceToAsync(new DateTime(2026, 11, 13, 14, 0, 0));
        await r.ExtendFirstOfPhoHienAsync(new DateOnly(2026, 11, 30));
        await r.AdvanceToAsync(new DateTime(2026, 11, 16, 8, 1, 0));
        var afterOldDate = r.Eoffice.Notifications.ToList();
        await r.AdvanceToAsync(new DateTime(2026, 11, 27, 8, 1, 0));
        await r.AdvanceToAsync(new DateTime(2026, 11, 30, 8, 1, 0));
        await r.AdvanceToAsync(new DateTime(2026, 12, 1, 8, 1, 0));

        var phoHien = r.Eoffice.Notifications.Where(n => n.OrgUnitIds[0] == PhoHien).Select(n => n.Title[..n.Title.IndexOf(':', StringComparison.Ordinal)]).ToList();
        Assert.Equal(["Sắp đến hạn (15/11/2026)", "Sắp đến hạn (30/11/2026)", "Hôm nay đến hạn (30/11/2026)", "Quá hạn (hạn 30/11/2026)"], phoHien);
        Assert.DoesNotContain(afterOldDate, n => n.OrgUnitIds[0] == PhoHien && !n.Title.Contains("Sắp đến hạn (15/11/2026)", StringComparison.Ordinal));
        Assert.Equal(3, r.Eoffice.Notifications.Count(n => n.OrgUnitIds[0] == FakeEoffice.Commune));
        Assert.Equal(r.Eoffice.Notifications.Count, r.Eoffice.NotificationCalls.Count);
    }

    [Fact]
    public async Task ConfirmingCloseToTheDueDate_RemindsInTheSameFlow()
    {
        await r.AdvanceToAsync(new DateTime(2026, 11, 13, 10, 0, 0));

        await r.ConfirmAsync("1");

        Assert.Equal(2, r.Eoffice.Notifications.Count);
        Assert.All(r.Eoffice.Notifications, n => Assert.Contains("Hạn: 15/11/2026 (còn 2 ngày).", n.Body, StringComparison.Ordinal));
        Assert.Equal(6, await r.ScalarAsync("SELECT COUNT(*) FROM danvan_jobs WHERE job_name = 'assignment-reminder'"));
    }
}
