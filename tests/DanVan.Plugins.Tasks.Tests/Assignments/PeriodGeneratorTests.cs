using DanVan.Plugins.Data;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Reminders;
using DanVan.Plugins.Tasks.Storage;
using DanVan.Plugins.Tasks.Tests.Rollup;
using Microsoft.Extensions.Logging.Abstractions;

namespace DanVan.Plugins.Tasks.Tests.Assignments;

/// <summary>
/// The nightly generation of recurring tasks' next periods on a real SQLite database: a yearly 15/11 task of
/// two communes with 2026 and 2027, a monthly one, and a one-off one that never grows.
/// </summary>
public sealed class PeriodGeneratorTests : IAsyncLifetime
{
    private static readonly Guid Yearly = Guid.NewGuid();
    private static readonly Guid Monthly = Guid.NewGuid();
    private static readonly Guid Once = Guid.NewGuid();
    private RollupDatabase db = null!;
    private readonly RecordingJobScheduler jobs = new();

    public async Task InitializeAsync()
    {
        db = await RollupDatabase.CreateAsync(withAssignments: false);
        var who = ChangeContext.System("test");
        var yearly = RollupDatabase.TaskOf(Yearly, RollupDatabase.Directive, "05/CT-UBND", "Chỉ thị số 05/CT-UBND", "1");
        (yearly.DueKind, yearly.DueDay, yearly.DueMonth) = ("Yearly", 15, 11);
        var monthly = RollupDatabase.TaskOf(Monthly, RollupDatabase.Directive, "05/CT-UBND", "Chỉ thị số 05/CT-UBND", "2");
        (monthly.DueKind, monthly.DueDay) = ("Monthly", 25);
        var once = RollupDatabase.TaskOf(Once, RollupDatabase.Directive, "05/CT-UBND", "Chỉ thị số 05/CT-UBND", "3");
        (once.DueKind, once.DueDay, once.DueMonth) = ("OneOff", 30, 11);
        await db.Data.InsertManyAsync([yearly, monthly, once], who);
        await db.Data.InsertManyAsync(
        [
            RollupDatabase.Assignment(Yearly, RollupDatabase.TanHung, "2026", new DateOnly(2026, 11, 15)),
            RollupDatabase.Assignment(Yearly, RollupDatabase.TanHung, "2027", new DateOnly(2027, 11, 15)),
            RollupDatabase.Assignment(Yearly, RollupDatabase.PhoHien, "2026", new DateOnly(2026, 11, 15)),
            RollupDatabase.Assignment(Yearly, RollupDatabase.PhoHien, "2027", new DateOnly(2027, 11, 15)),
            RollupDatabase.Assignment(Monthly, RollupDatabase.HomeAffairs, "2026-11", new DateOnly(2026, 11, 25)),
            RollupDatabase.Assignment(Monthly, RollupDatabase.HomeAffairs, "2026-12", new DateOnly(2026, 12, 25)),
            RollupDatabase.Assignment(Once, RollupDatabase.HomeAffairs, "2026", new DateOnly(2026, 11, 30)),
        ], who);
    }

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task InTheNextYear_TheYearAfterIsGeneratedForEachUnit_Audited_AndTheMonthlyTaskMovesOn()
    {
        var created = await Generator().GenerateAsync(Vietnam(2027, 1, 1), default);

        var rows = await AssignmentsAsync();
        Assert.Equal(["2026", "2027", "2028"], rows.Where(a => a.TaskId == Yearly && a.UnitId == RollupDatabase.TanHung).Select(a => a.PeriodKey).Order());
        Assert.Equal(["2026", "2027", "2028"], rows.Where(a => a.TaskId == Yearly && a.UnitId == RollupDatabase.PhoHien).Select(a => a.PeriodKey).Order());
        Assert.Equal(new DateOnly(2028, 11, 15), rows.First(a => a.TaskId == Yearly && a.PeriodKey == "2028").DueDate);
        Assert.Equal(["2026-11", "2026-12", "2027-01", "2027-02"], rows.Where(a => a.TaskId == Monthly).Select(a => a.PeriodKey).Order());
        Assert.Single(rows, a => a.TaskId == Once);
        Assert.Equal(4, created);

        var generated = rows.First(a => a.TaskId == Yearly && a.PeriodKey == "2028");
        var audit = Assert.Single(await db.Data.AuditTrailAsync<AssignmentRecord>(generated.Id));
        Assert.Equal(("insert", "system", PeriodGenerator.Reason), (audit.Action, audit.ActorUserId, audit.Reason));
        Assert.Equal(Vietnam(2027, 1, 1), audit.At);
    }

    [Fact]
    public async Task RunTwice_OrByTwoRuntimesAtOnce_EachPeriodExistsOnce()
    {
        var racing = await Task.WhenAll(Generator().GenerateAsync(Vietnam(2027, 1, 1), default), Generator().GenerateAsync(Vietnam(2027, 1, 1), default));
        var again = await Generator().GenerateAsync(Vietnam(2027, 1, 2), default);

        var rows = await AssignmentsAsync();
        Assert.Equal(4, racing.Sum());
        Assert.Equal(0, again);
        Assert.Equal(11, rows.Count);
        Assert.Equal(rows.Count, rows.Select(a => (a.TaskId, a.UnitId, a.PeriodKey)).Distinct().Count());
    }

    [Fact]
    public async Task BeforeThePeriodRolls_NothingIsAdded()
    {
        var created = await Generator().GenerateAsync(Vietnam(2026, 11, 10), default);

        Assert.Equal(0, created);
        Assert.Equal(7, (await AssignmentsAsync()).Count);
    }

    [Fact]
    public async Task AGeneratedPeriodFallingDueSoon_GetsItsReminders_FarOnesWait()
    {
        // A monthly task due on the 2nd of the month after: on 30/11/2026 its 2026-11 period (due 02/12) is
        // generated and falls within the reminder window; the other tasks' periods are weeks or a year away.
        var soon = Guid.NewGuid();
        var task = RollupDatabase.TaskOf(soon, RollupDatabase.Plan, "12/KH-UBND", "Kế hoạch số 12/KH-UBND", "1");
        (task.DueKind, task.DueDay, task.DuePeriodMonth) = ("Monthly", 2, 2);
        await db.Data.InsertAsync(task, ChangeContext.System("test"));
        await db.Data.InsertAsync(RollupDatabase.Assignment(soon, RollupDatabase.TanHung, "2026-10", new DateOnly(2026, 11, 2)), ChangeContext.System("test"));

        await Generator().GenerateAsync(Vietnam(2026, 11, 30), default);

        var generated = (await AssignmentsAsync()).Single(a => a.TaskId == soon && a.PeriodKey == "2026-11");
        Assert.Equal(new DateOnly(2026, 12, 2), generated.DueDate);
        Assert.Equal(3, jobs.Jobs.Count);
        Assert.All(jobs.Jobs, j => Assert.Equal((ReminderScheduler.JobName, true), (j.JobName, j.Key.Contains(generated.Id.ToString("N"), StringComparison.Ordinal))));
    }

    private PeriodGenerator Generator()
    {
        var reminders = new ReminderScheduler(jobs, db.Data, new TasksOptions(7), db.Clock, NullLogger<ReminderScheduler>.Instance);
        return new PeriodGenerator(db.Data, reminders, db.Clock, NullLogger<PeriodGenerator>.Instance);
    }

    private async Task<IReadOnlyList<AssignmentRecord>> AssignmentsAsync() =>
        await db.Data.ListAsync(new Specification<AssignmentRecord>());

    private DateTimeOffset Vietnam(int year, int month, int day)
    {
        var at = new DateTimeOffset(year, month, day, 0, 1, 0, TimeSpan.FromHours(7));
        db.Clock.Advance(at - db.Clock.GetUtcNow() > TimeSpan.Zero ? at - db.Clock.GetUtcNow() : TimeSpan.Zero);
        return at;
    }
}
