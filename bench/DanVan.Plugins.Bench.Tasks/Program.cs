using System.Diagnostics;
using System.Globalization;
using DanVan.Plugins.Bench.Tasks;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage;
using DanVan.Plugins.Tasks;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Rollup;
using DanVan.Plugins.Tasks.Storage;

// Usage: DanVan.Plugins.Bench.Tasks <data folder> [iterations=60]
// Builds 130 units × 40 directives × 8 items × 5 years (2022–2026) = 208,000 yearly assignments on
// SQLite through the runtime's storage and the Tasks plugin's migrations, then times, on 21/11/2026:
// the province dashboard roll-up (all years; the current year; one unit's subtree) and the unit view
// "Việc của đơn vị" (TaskStore.ForUnitAsync, and ProgressService.ListForUnitAsync as the tab uses it) for units taken in turn. p50/p95 after a warm-up.
var folder = args[0];
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
Directory.CreateDirectory(folder);
var clock = new FixedClock(new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero));
await using var connector = DatabaseConnector.Create(new StorageOptions { Provider = StorageProvider.Sqlite }, folder);
var storage = new PluginStorage(connector, clock);
var migrations = new TasksMigrations().Migrations;
await storage.MigrateAsync("danvan.tasks", "1.0.0", migrations);
var data = storage.CreateData("danvan.tasks");
Console.WriteLine($"# Tasks benchmark on SQLite, migrations {string.Join(", ", migrations.Select(m => m.Number))}, {Environment.ProcessorCount} cores");

var existing = await data.CountAsync(new Specification<AssignmentRecord>());
if (existing == 0)
{
    var load = Stopwatch.StartNew();
    var (tasks, assignments) = Dataset.Build();
    var who = ChangeContext.System("benchmark");
    await data.InsertManyAsync(tasks, who);
    foreach (var chunk in assignments.Chunk(20_000))
    {
        await data.InsertManyAsync(chunk, who);
    }

    Console.WriteLine($"# loaded {tasks.Count:N0} tasks and {assignments.Count:N0} assignments (audited) in {load.Elapsed.TotalSeconds:F1} s");
}
else
{
    Console.WriteLine($"# reusing {existing:N0} assignments in {folder}");
}

var rollup = new AssignmentRollup(data, new FixedTree(new OrgTree(Province.Units(), AssignmentStatuses.Today(clock))), new TasksOptions(7), clock);
var store = new TaskStore(data, clock);
// What the unit tab renders: the unit's assignments with their reports and extension requests, as Sở Nội vụ reads them.
var progress = new ProgressService(data, new EvidenceValidator(null), clock, new TasksOptions(7));
var appraiser = new Officer("u-snv-tham-dinh", "Thẩm định viên", [new RoleGrant(Role.HomeAffairsAppraiser, "so-noi-vu")]);

async Task<List<double>> TimeAsync(string what, Func<int, Task<long>> run)
{
    for (var i = 0; i < 5; i++)
    {
        await run(i);
    }

    var times = new List<double>();
    var cpu = new List<double>();
    long size = 0;
    using var process = Process.GetCurrentProcess();
    for (var i = 0; i < iterations; i++)
    {
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        size = await run(i);
        times.Add(watch.Elapsed.TotalMilliseconds);
        process.Refresh();
        cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }

    times.Sort();
    cpu.Sort();
    double P(List<double> v, double q) => v[Math.Min(v.Count - 1, (int)Math.Ceiling(q * v.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {size:N0} | {P(times, 0.5):F1} ms | {P(times, 0.95):F1} ms | {times[^1]:F1} ms | {P(cpu, 0.5):F0} ms |"));
    return times;
}

// CPU p50 is the process's processor time per call (all threads): what the call costs when the machine is not shared.
Console.WriteLine($"# load average before: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")}");
Console.WriteLine("| operation | rows/groups | p50 | p95 | max | CPU p50 |");
Console.WriteLine("|---|---|---|---|---|---|");
await TimeAsync("dashboard roll-up, all years (units)", async _ => (await rollup.RollUpAsync(RollupFilter.All, default)).Units.Count);
await TimeAsync("dashboard roll-up, year 2026", async _ => (await rollup.RollUpAsync(new RollupFilter(Year: 2026), default)).Total.Total);
await TimeAsync("dashboard roll-up, one commune's subtree", async i => (await rollup.RollUpAsync(new RollupFilter(UnitId: Province.Communes[i % 40]), default)).Total.Total);
await TimeAsync("dashboard roll-up, one directive, overdue", async i => (await rollup.RollUpAsync(new RollupFilter(DocumentId: Dataset.DocumentId(i % 40), Status: AssignmentStatus.Overdue), default)).Total.Total);
await TimeAsync("unit view (TaskStore.ForUnitAsync: API list, badge)", async i => (await store.ForUnitAsync(Province.Assigned[i * 7 % 130], 7, default)).Count);
await TimeAsync("unit tab (ProgressService.ListForUnitAsync, with history)", async i => (await progress.ListForUnitAsync(appraiser, Province.Assigned[i * 7 % 130], default)).Count);
await TimeAsync("export detail, one directive, 2026", async i => (await rollup.DetailAsync(new RollupFilter(Year: 2026, DocumentId: Dataset.DocumentId(i % 40)), AssignmentRollup.DetailLimit, default)).Rows.Count);

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal sealed class FixedTree(OrgTree tree) : IOrgTreeSource
{
    public Task<OrgTree> GetAsync(CancellationToken cancellationToken) => Task.FromResult(tree);
}
