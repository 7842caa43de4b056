using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Rollup;
using static DanVan.Plugins.Tasks.Tests.Rollup.RollupDatabase;

namespace DanVan.Plugins.Tasks.Tests.Rollup;

/// <summary>
/// The roll-up on a real SQLite database: statuses counted in SQL from a fake clock (the Vietnam day
/// of completion included), units nested as the org tree nests them, dissolved units' work under
/// their successors, and each filter.
/// </summary>
public sealed class AssignmentRollupTests : IAsyncLifetime
{
    private RollupDatabase db = null!;

    public async Task InitializeAsync() => db = await CreateAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Everything_NestsUnitsUnderTheProvince_AndMovesDissolvedUnitsToTheirSuccessors()
    {
        var result = await db.Rollup.RollUpAsync(RollupFilter.All, default);

        Assert.Equal(new DateOnly(2026, 11, 21), result.Today);
        Assert.Equal((8L, 3L, 1L, 1L, 2L, 1L), Shape(result.Total));
        Assert.Equal(
            [
                (Province, 0, 7L),
                (HomeAffairs, 1, 2L),
                (TanHung, 1, 3L),
                (PhoHien, 1, 2L),
                (Stranger, 0, 1L),
            ],
            result.Units.Select(u => (u.UnitId, u.Depth, u.Counts.Total)));
        var tanHung = Assert.Single(result.Units, u => u.UnitId == TanHung);
        Assert.Equal((3L, 1L, 0L, 1L, 0L, 1L), Shape(tanHung.Counts));
        Assert.Equal("Ủy ban nhân dân xã Tân Hưng", tanHung.Name);
        Assert.Equal((2L, 0L, 0L, 0L, 2L, 0L), Shape(result.Units.Single(u => u.UnitId == PhoHien).Counts));
        Assert.Equal("UBND xã Lạ", result.Units.Single(u => u.UnitId == Stranger).Name);
        Assert.True(result.Units[0].HasChildren);
        Assert.False(tanHung.HasChildren);
        Assert.Equal(3.0 / 8, result.Total.CompletionRate);
    }

    [Fact]
    public async Task ByDirectiveAndPeriod_CountEveryAssignmentOnce()
    {
        var result = await db.Rollup.RollUpAsync(RollupFilter.All, default);

        Assert.Equal(
            [("Chỉ thị số 05/CT-UBND ngày 21/02/2022", "05/CT-UBND", 5L), ("Kế hoạch số 12/KH-UBND ngày 10/01/2025", "12/KH-UBND", 3L)],
            result.Documents.Select(d => (d.Title, d.Code, d.Counts.Total)));
        Assert.Equal([("2025", 2L), ("2026", 4L), ("2026-Q4", 1L), ("2027", 1L)], result.Periods.Select(p => (p.PeriodKey, p.Counts.Total)));
    }

    [Fact]
    public async Task TheSqlStatus_IsTheStatusTheUnitTabComputes_ForEveryAssignment()
    {
        foreach (var days in new[] { 0, 4, 5, 40, 400 })
        {
            var (rows, truncated) = await db.Rollup.DetailAsync(RollupFilter.All, 100, default);
            var today = AssignmentStatuses.Today(db.Clock);

            Assert.False(truncated);
            Assert.Equal(8, rows.Count);
            Assert.All(rows, r => Assert.Equal(
                AssignmentStatuses.Compute(r.DueDate, r.State == 1 ? r.CompletedAt : null, today, 7),
                (AssignmentStatus)r.Status));
            db.Clock.Advance(TimeSpan.FromDays(days));
        }
    }

    [Fact]
    public async Task TheClockMoves_DueSoonBecomesOverdue()
    {
        db.Clock.Advance(TimeSpan.FromDays(5)); // 26/11: the 25/11 assignment of Sở Nội vụ is one day late

        var result = await db.Rollup.RollUpAsync(RollupFilter.All, default);

        Assert.Equal((2L, 1L, 0L, 1L, 0L, 0L), Shape(result.Units.Single(u => u.UnitId == HomeAffairs).Counts));
    }

    [Fact]
    public async Task YearFilter_TakesEveryPeriodOfThatYear()
    {
        var result = await db.Rollup.RollUpAsync(new RollupFilter(Year: 2026), default);

        Assert.Equal((5L, 2L, 1L, 1L, 1L, 0L), Shape(result.Total));
        Assert.Equal(["2026", "2026-Q4"], result.Periods.Select(p => p.PeriodKey));
    }

    [Fact]
    public async Task Subtree_OfTheSuccessor_IncludesTheDissolvedCommunesWork()
    {
        var result = await db.Rollup.RollUpAsync(new RollupFilter(UnitId: TanHung), default);
        var (detail, _) = await db.Rollup.DetailAsync(new RollupFilter(UnitId: TanHung), 100, default);

        var line = Assert.Single(result.Units);
        Assert.Equal((TanHung, 0, 3L), (line.UnitId, line.Depth, line.Counts.Total));
        Assert.Equal([TanHung, TanHung, OldCommune], detail.Select(d => d.UnitId).Order(StringComparer.Ordinal));
        Assert.All(detail, d => Assert.Equal("Ủy ban nhân dân xã Tân Hưng", d.UnitName));
    }

    [Fact]
    public async Task DissolvedUnitAsFilter_CountsUnderItsSuccessor()
    {
        var result = await db.Rollup.RollUpAsync(new RollupFilter(UnitId: OldCommune), default);

        Assert.Equal([TanHung], result.Units.Select(u => u.UnitId));
        Assert.Equal(3L, result.Total.Total);
    }

    [Fact]
    public async Task DirectiveAndStatusFilters_Combine()
    {
        var onTime = await db.Rollup.RollUpAsync(new RollupFilter(DocumentId: Plan, Status: AssignmentStatus.CompletedOnTime), default);
        var period = await db.Rollup.RollUpAsync(new RollupFilter(PeriodKey: "2026-Q4"), default);
        var nothing = await db.Rollup.RollUpAsync(new RollupFilter(Year: 2030), default);

        Assert.Equal([(Province, 2L), (PhoHien, 2L)], onTime.Units.Select(u => (u.UnitId, u.Counts.Total)));
        Assert.Equal(2L, onTime.Total.CompletedOnTime);
        Assert.Equal([Plan], onTime.Documents.Select(d => d.DocumentId));
        Assert.Equal(["2025", "2026"], onTime.Periods.Select(p => p.PeriodKey));
        Assert.Equal([HomeAffairs], period.Units.Where(u => u.Depth == 1).Select(u => u.UnitId));
        Assert.Equal(0L, nothing.Total.Total);
        Assert.Empty(nothing.Units);
        Assert.Null(nothing.Total.CompletionRate);
    }

    [Fact]
    public async Task Detail_StopsAtTheLimit_AndSaysSo()
    {
        var (rows, truncated) = await db.Rollup.DetailAsync(RollupFilter.All, 3, default);

        Assert.Equal(3, rows.Count);
        Assert.True(truncated);
    }

    private static (long Total, long NotDue, long DueSoon, long Overdue, long OnTime, long Late) Shape(StatusCounts c) =>
        (c.Total, c.NotDue, c.DueSoon, c.Overdue, c.CompletedOnTime, c.CompletedLate);
}
