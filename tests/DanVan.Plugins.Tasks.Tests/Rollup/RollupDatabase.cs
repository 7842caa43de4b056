using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Tasks.Rollup;
using DanVan.Plugins.Tasks.Storage;
using Microsoft.Data.Sqlite;

namespace DanVan.Plugins.Tasks.Tests.Rollup;

/// <summary>
/// A real SQLite file with the plugin's migrations, a small province tree (with a merged commune and
/// a split district) and a handful of assignments whose statuses on 21/11/2026 are known, on a fake clock.
/// </summary>
internal sealed class RollupDatabase : IAsyncDisposable
{
    public const string Province = "ubnd-tinh-hung-yen";
    public const string HomeAffairs = "so-noi-vu-hung-yen";
    public const string TanHung = "xa-tan-hung";
    public const string PhoHien = "phuong-pho-hien";
    public const string OldCommune = "xa-tan-hung-cu";
    public const string District = "ubnd-huyen-tien-lu";
    public const string Stranger = "xa-la";
    public const string Directive = "vb-chi-thi-05";
    public const string Plan = "vb-ke-hoach-12";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "danvan-rollup-tests-" + Guid.NewGuid().ToString("N"));
    private DatabaseConnector connector = null!;

    // 21/11/2026 10:00 in Hà Nội.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero));

    public IPluginData Data { get; private set; } = null!;

    public AssignmentRollup Rollup { get; private set; } = null!;

    public Guid Task1 { get; } = Guid.NewGuid();

    public Guid Task2 { get; } = Guid.NewGuid();

    public Guid Task3 { get; } = Guid.NewGuid();

    public static async Task<RollupDatabase> CreateAsync(bool withAssignments = true)
    {
        var db = new RollupDatabase();
        Directory.CreateDirectory(db.directory);
        db.connector = DatabaseConnector.Create(new StorageOptions { Provider = StorageProvider.Sqlite }, db.directory);
        var storage = new PluginStorage(db.connector, db.Clock);
        await storage.MigrateAsync("danvan.tasks", "1.0.0", new TasksMigrations().Migrations);
        db.Data = storage.CreateData("danvan.tasks");
        db.Rollup = new AssignmentRollup(db.Data, new FixedTreeSource(Units()), new TasksOptions(7), db.Clock);
        if (withAssignments)
        {
            await db.SeedAsync();
        }

        return db;
    }

    public static OrgUnit[] Units()
    {
        var oldCommune = new OrgUnit { Id = OldCommune, ParentId = District, Type = OrgUnitType.CommunePeoplesCommittee, FullName = "Ủy ban nhân dân xã Tân Hưng (cũ)", ValidTo = Day(2025, 6, 30) };
        oldCommune.Successors.Add(new OrgUnitSuccessor { OrgUnitId = TanHung, EffectiveDate = Day(2025, 7, 1) });
        var district = new OrgUnit { Id = District, ParentId = Province, Type = OrgUnitType.DistrictPeoplesCommittee, FullName = "Ủy ban nhân dân huyện Tiên Lữ", ValidTo = Day(2025, 6, 30) };
        district.Successors.Add(new OrgUnitSuccessor { OrgUnitId = TanHung, EffectiveDate = Day(2025, 7, 2) });
        district.Successors.Add(new OrgUnitSuccessor { OrgUnitId = PhoHien, EffectiveDate = Day(2025, 7, 1) });
        return
        [
            new() { Id = Province, Type = OrgUnitType.ProvincialPeoplesCommittee, FullName = "Ủy ban nhân dân tỉnh Hưng Yên" },
            new() { Id = HomeAffairs, ParentId = Province, Type = OrgUnitType.ProvincialDepartment, FullName = "Sở Nội vụ tỉnh Hưng Yên" },
            new() { Id = TanHung, ParentId = Province, Type = OrgUnitType.CommunePeoplesCommittee, FullName = "Ủy ban nhân dân xã Tân Hưng", ValidFrom = Day(2025, 7, 1) },
            new() { Id = PhoHien, ParentId = Province, Type = OrgUnitType.CommunePeoplesCommittee, FullName = "Ủy ban nhân dân phường Phố Hiến", ValidFrom = Day(2025, 7, 1) },
            district,
            oldCommune,
        ];
    }

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private async Task SeedAsync()
    {
        var who = ChangeContext.System("test");
        await Data.InsertManyAsync(
        [
            TaskOf(Task1, Directive, "05/CT-UBND", "Chỉ thị số 05/CT-UBND ngày 21/02/2022", "1"),
            TaskOf(Task2, Directive, "05/CT-UBND", "Chỉ thị số 05/CT-UBND ngày 21/02/2022", "2"),
            TaskOf(Task3, Plan, "12/KH-UBND", "Kế hoạch số 12/KH-UBND ngày 10/01/2025", "1"),
        ], who);
        await Data.InsertManyAsync(
        [
            // Overdue: due 15/11/2026, still open on 21/11.
            Assignment(Task1, TanHung, "2026", new DateOnly(2026, 11, 15)),
            // Not due: next year's period.
            Assignment(Task1, TanHung, "2027", new DateOnly(2027, 11, 15)),
            // The old commune, completed at 03:00 on 16/11/2025 in Hà Nội (20:00 UTC on the 15th): late, counted under Tân Hưng.
            Assignment(Task1, OldCommune, "2025", new DateOnly(2025, 11, 15), new DateTimeOffset(2025, 11, 15, 20, 0, 0, TimeSpan.Zero)),
            // Due soon: 25/11 is four days away.
            Assignment(Task2, HomeAffairs, "2026", new DateOnly(2026, 11, 25)),
            // Not due: 31/12 is forty days away.
            Assignment(Task2, HomeAffairs, "2026-Q4", new DateOnly(2026, 12, 31)),
            // The split district, completed on time: counted under its first successor by date, Phố Hiến.
            Assignment(Task3, District, "2025", new DateOnly(2025, 6, 30), new DateTimeOffset(2025, 6, 29, 10, 0, 0, TimeSpan.Zero)),
            // Completed at 23:59 on the due day in Hà Nội (16:59 UTC): on time.
            Assignment(Task3, PhoHien, "2026", new DateOnly(2026, 11, 20), new DateTimeOffset(2026, 11, 20, 16, 59, 0, TimeSpan.Zero)),
            // A unit the directory does not know, no due date: not due, shown by its stored name.
            Assignment(Task3, Stranger, "2026", null, unitName: "UBND xã Lạ"),
        ], who);
    }

    public static TaskRecord TaskOf(Guid id, string documentId, string code, string title, string item) => new()
    {
        Id = id,
        DocumentId = documentId,
        DocumentCode = code,
        DocumentTitle = title,
        ItemPath = item,
        Content = "Nhiệm vụ " + item + " của " + code,
        DueRuleText = "hằng năm",
        CreatedBy = "u-test",
        CreatedByUnit = HomeAffairs,
        CreatedAt = new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero),
    };

    public static AssignmentRecord Assignment(Guid task, string unit, string period, DateOnly? due, DateTimeOffset? completedAt = null, string? unitName = null) => new()
    {
        Id = Guid.NewGuid(),
        TaskId = task,
        UnitId = unit,
        UnitName = unitName ?? unit,
        PeriodKey = period,
        DueDate = due,
        State = completedAt is null ? AssignmentState.Open : AssignmentState.Completed,
        CompletedAt = completedAt,
    };

    public async ValueTask DisposeAsync()
    {
        await connector.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private sealed class FixedTreeSource(IEnumerable<OrgUnit> units) : IOrgTreeSource
    {
        private readonly OrgTree tree = new(units, new DateOnly(2026, 11, 21));

        public Task<OrgTree> GetAsync(CancellationToken cancellationToken) => Task.FromResult(tree);
    }
}
