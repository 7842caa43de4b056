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

// Usage: DanVan.Plugins.Bench.Tasks <data folder> [iterations=60] [directives=40]
// Builds 130 units × 40 directives × 8 items × 5 years (2022–2026) = 208,000 yearly assignments, with
// their report and extension history, on SQLite through the runtime's storage and every migration of
// the Tasks plugin, then times, on 21/11/2026: the province dashboard roll-up (all years; the current
// year; one unit's subtree) and the unit view "Việc của đơn vị" (TaskStore.ForUnitAsync, and
// ProgressService.ListForUnitAsync as the tab uses it) for units taken in turn. p50/p95 after a
// warm-up; each goal operation's p95 against 200 ms, PASS/FAIL, exit code 1 when one fails.
var folder = args[0];
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
var directives = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Dataset.Directives;
const double GoalMs = 200;
Directory.CreateDirectory(folder);
var clock = new FixedClock(new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero));
await using var connector = DatabaseConnector.Create(new StorageOptions { Provider = StorageProvider.Sqlite }, folder);
var storage = new PluginStorage(connector, clock);
var migrations = new TasksMigrations().Migrations;
await storage.MigrateAsync("danvan.tasks", "1.0.0", migrations);
var data = storage.CreateData("danvan.tasks");

// The schema timed is the plugin's current one: every migration it ships is recorded as applied (also in a reused folder).
var applied = await AppliedMigrationsAsync(connector);
if (!migrations.Select(m => m.Number).Order().SequenceEqual(applied))
{
    Console.Error.WriteLine($"The database has migrations {string.Join(", ", applied)} applied; the plugin ships {string.Join(", ", migrations.Select(m => m.Number))}.");
    return 2;
}

Console.WriteLine($"# Tasks benchmark on SQLite, migrations {string.Join(", ", applied)} applied, {Environment.ProcessorCount} cores");

var existing = await data.CountAsync(new Specification<AssignmentRecord>());
if (existing == 0)
{
    var load = Stopwatch.StartNew();
    var rows = Dataset.Build(directives);
    var who = ChangeContext.System("benchmark");
    await data.InsertManyAsync(rows.Tasks, who);
    foreach (var chunk in rows.Assignments.Chunk(20_000))
    {
        await data.InsertManyAsync(chunk, who);
    }

    foreach (var chunk in rows.Reports.Chunk(20_000))
    {
        await data.InsertManyAsync(chunk, who);
    }

    foreach (var chunk in rows.Extensions.Chunk(20_000))
    {
        await data.InsertManyAsync(chunk, who);
    }

    Console.WriteLine($"# loaded {rows.Tasks.Count:N0} tasks, {rows.Assignments.Count:N0} assignments, {rows.Reports.Count:N0} reports and {rows.Extensions.Count:N0} extension requests (audited) in {load.Elapsed.TotalSeconds:F1} s");
}
else
{
    Console.WriteLine($"# reusing {existing:N0} assignments, {await data.CountAsync(new Specification<ReportRecord>()):N0} reports and {await data.CountAsync(new Specification<ExtensionRecord>()):N0} extension requests in {folder}");
}

var loaded = await data.CountAsync(new Specification<AssignmentRecord>());
var full = loaded == Dataset.Directives * 8 * 5 * Province.Assigned.Count;
if (!full)
{
    Console.WriteLine($"# a reduced set ({loaded:N0} assignments): figures are for a trial, not for the goal's 208,000");
}

var rollup = new AssignmentRollup(data, new FixedTree(new OrgTree(Province.Units(), AssignmentStatuses.Today(clock))), new TasksOptions(7), clock);
var store = new TaskStore(data, clock);
// What the unit tab renders: the unit's assignments with their reports and extension requests, as Sở Nội vụ reads them.
var progress = new ProgressService(data, new EvidenceValidator(null), clock, new TasksOptions(7));
var appraiser = new Officer("u-snv-tham-dinh", "Thẩm định viên", [new RoleGrant(Role.HomeAffairsAppraiser, "so-noi-vu")]);

var verdicts = new List<(string What, double P95)>();

async Task<List<double>> TimeAsync(string what, Func<int, Task<long>> run, bool goal = true)
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
    if (goal)
    {
        verdicts.Add((what, P(times, 0.95)));
    }

    return times;
}

// CPU p50 is the process's processor time per call (all threads): what the call costs when the machine is not shared.
Console.WriteLine($"# load average before: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?")}");
Console.WriteLine("| operation | rows/groups | p50 | p95 | max | CPU p50 |");
Console.WriteLine("|---|---|---|---|---|---|");
await TimeAsync("dashboard roll-up, all years (units)", async _ => (await rollup.RollUpAsync(RollupFilter.All, default)).Units.Count);
await TimeAsync("dashboard roll-up, year 2026", async _ => (await rollup.RollUpAsync(new RollupFilter(Year: 2026), default)).Total.Total);
await TimeAsync("dashboard roll-up, one commune's subtree", async i => (await rollup.RollUpAsync(new RollupFilter(UnitId: Province.Communes[i % 40]), default)).Total.Total);
await TimeAsync("dashboard roll-up, one directive, overdue", async i => (await rollup.RollUpAsync(new RollupFilter(DocumentId: Dataset.DocumentId(i % directives), Status: AssignmentStatus.Overdue), default)).Total.Total);
await TimeAsync("unit view (TaskStore.ForUnitAsync: API list, badge)", async i => (await store.ForUnitAsync(Province.Assigned[i * 7 % 130], 7, default)).Count);
await TimeAsync("unit tab (ProgressService.ListForUnitAsync, with history)", async i => (await progress.ListForUnitAsync(appraiser, Province.Assigned[i * 7 % 130], default)).Count);

// The rendered pages as the e-office's proxy gets them: the runtime in this process with the plugin
// loaded from its build folder, a GET on its tab endpoint with a fresh token (token check, the
// officer's roles and the org tree from the e-office, cached as in production, the query, the HTML).
await using (var pages = await TabPages.StartAsync(folder, clock))
{
    await TimeAsync("dashboard page, year 2026 (HTML bytes, runtime tab endpoint)", async _ => await pages.GetAsync("province-dashboard", BenchEoffice.HomeAffairs, "?nam=2026"));
    await TimeAsync("dashboard page, all years (HTML bytes)", async _ => await pages.GetAsync("province-dashboard", BenchEoffice.HomeAffairs, "?nam="));
    await TimeAsync("unit tab page, with history (HTML bytes, runtime tab endpoint)", async i => await pages.GetAsync("unit-tasks", Province.Assigned[i * 7 % 130]));
}

await TimeAsync("export detail, one directive, 2026 (no goal)", async i => (await rollup.DetailAsync(new RollupFilter(Year: 2026, DocumentId: Dataset.DocumentId(i % directives)), AssignmentRollup.DetailLimit, default)).Rows.Count, goal: false);

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Goal: p95 < {GoalMs:F0} ms for the dashboard roll-up and the unit view{(full ? string.Empty : " (reduced set: a trial, not the goal's dataset)")}"));
Console.WriteLine("| operation | p95 | goal | verdict |");
Console.WriteLine("|---|---|---|---|");
foreach (var (what, p95) in verdicts)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {p95:F1} ms | < {GoalMs:F0} ms | {(p95 < GoalMs ? "PASS" : "FAIL")} |"));
}

var failed = verdicts.Count(v => v.P95 >= GoalMs);
Console.WriteLine(failed == 0 ? "PASS: every goal operation under the goal." : $"FAIL: {failed} of {verdicts.Count} goal operations at or over {GoalMs:F0} ms p95.");
return failed == 0 ? 0 : 1;

static async Task<List<int>> AppliedMigrationsAsync(DatabaseConnector connector)
{
    await using var connection = await connector.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT number FROM danvan_migrations WHERE plugin_id = 'danvan.tasks' ORDER BY number";
    var numbers = new List<int>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        numbers.Add(reader.GetInt32(0));
    }

    return numbers;
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal sealed class FixedTree(OrgTree tree) : IOrgTreeSource
{
    public Task<OrgTree> GetAsync(CancellationToken cancellationToken) => Task.FromResult(tree);
}
