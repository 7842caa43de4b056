using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DanVan.Plugins.Bench.Storage;
using DanVan.Plugins.Data;
using DanVan.Plugins.Storage;
using Npgsql;
using NpgsqlTypes;

// Usage: DanVan.Plugins.Bench.Storage <Sqlite|Postgres> <connection string> [rows=1000000] [rounds=2]
var provider = Enum.Parse<StorageProvider>(args[0]);
var rows = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2;
var sqlite = provider == StorageProvider.Sqlite;
await using var connector = DatabaseConnector.Create(new StorageOptions { Provider = provider, ConnectionString = args[1] }, Path.GetTempPath());
var storage = new PluginStorage(connector, TimeProvider.System);
const string PluginId = "danvan.bench";
await storage.MigrateAsync(PluginId, "1.0.0",
[
    new Migration(1, "create_assignments", """
        CREATE TABLE {table:assignments} (id UUID PRIMARY KEY, directive_id UUID NOT NULL, unit_id TEXT NOT NULL, title TEXT NOT NULL,
            title_folded TEXT NULL, status INTEGER NOT NULL, period INTEGER NOT NULL, due_date DATE NOT NULL, created_at TIMESTAMPTZ NOT NULL,
            progress INTEGER NOT NULL, note TEXT NULL, version BIGINT NOT NULL);
        CREATE INDEX {name:ix_assignments_rollup} ON {table:assignments} (unit_id, period, status);
        """),
]);
var data = storage.CreateData(PluginId);
var table = data.Table("assignments");
var columns = "id, directive_id, unit_id, title, title_folded, status, period, due_date, created_at, progress, note, version";

var directives = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToArray();
List<BenchAssignment> Generate() => Enumerable.Range(0, rows).Select(i => new BenchAssignment
{
    Id = Guid.CreateVersion7(),
    DirectiveId = directives[i % directives.Length],
    UnitId = "unit-" + (i % 130).ToString("D3", CultureInfo.InvariantCulture),
    Title = $"Triển khai thực hiện Chỉ thị số {i % 40 + 1}-CT/TU về công tác dân vận chính quyền, đợt {i % 12 + 1}",
    Status = i / 7 % 5,
    Period = 2021 + i / 11 % 5,
    DueDate = new DateOnly(2021 + i % 5, i % 12 + 1, i % 28 + 1),
    CreatedAt = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
    Progress = i % 101,
    Note = i % 3 == 0 ? null : "Đã giao cho phòng Nội vụ theo dõi, báo cáo trước ngày 15 hằng tháng",
}).ToList();

async Task ClearAsync()
{
    await using var c = await connector.OpenAsync();
    await using var cmd = c.CreateCommand();
    cmd.CommandText = sqlite ? $"DELETE FROM {table}" : $"TRUNCATE {table}";
    await cmd.ExecuteNonQueryAsync();
}

async Task InsertRawAsync(List<BenchAssignment> items)
{
    await using var c = await connector.OpenAsync();
    if (c is NpgsqlConnection npgsql)
    {
        await using var import = await npgsql.BeginBinaryImportAsync($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var a in items)
        {
            await import.StartRowAsync();
            await import.WriteAsync(a.Id, NpgsqlDbType.Uuid);
            await import.WriteAsync(a.DirectiveId, NpgsqlDbType.Uuid);
            await import.WriteAsync(a.UnitId, NpgsqlDbType.Text);
            await import.WriteAsync(a.Title, NpgsqlDbType.Text);
            await import.WriteAsync(Text.Fold(a.Title), NpgsqlDbType.Text);
            await import.WriteAsync(a.Status, NpgsqlDbType.Integer);
            await import.WriteAsync(a.Period, NpgsqlDbType.Integer);
            await import.WriteAsync(a.DueDate, NpgsqlDbType.Date);
            await import.WriteAsync(a.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await import.WriteAsync(a.Progress, NpgsqlDbType.Integer);
            if (a.Note is null)
            {
                await import.WriteNullAsync();
            }
            else
            {
                await import.WriteAsync(a.Note, NpgsqlDbType.Text);
            }

            await import.WriteAsync(1L, NpgsqlDbType.Bigint);
        }

        await import.CompleteAsync();
        return;
    }

    await using var tx = await c.BeginTransactionAsync();
    await using var cmd = c.CreateCommand();
    cmd.Transaction = tx;
    cmd.CommandText = $"INSERT INTO {table} ({columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)";
    var p = new DbParameter[12];
    for (var i = 0; i < p.Length; i++)
    {
        p[i] = cmd.CreateParameter();
        p[i].ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
        cmd.Parameters.Add(p[i]);
    }

    foreach (var a in items)
    {
        p[0].Value = a.Id.ToString("D");
        p[1].Value = a.DirectiveId.ToString("D");
        p[2].Value = a.UnitId;
        p[3].Value = a.Title;
        p[4].Value = Text.Fold(a.Title);
        p[5].Value = a.Status;
        p[6].Value = a.Period;
        p[7].Value = a.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        p[8].Value = a.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        p[9].Value = a.Progress;
        p[10].Value = (object?)a.Note ?? DBNull.Value;
        p[11].Value = 1L;
        await cmd.ExecuteNonQueryAsync();
    }

    await tx.CommitAsync();
}

async Task<int> ReadRawAsync(int fromPeriod)
{
    await using var c = await connector.OpenAsync();
    await using var cmd = c.CreateCommand();
    cmd.CommandText = $"SELECT {columns} FROM {table} WHERE period >= @p0";
    var p = cmd.CreateParameter();
    p.ParameterName = "@p0";
    p.Value = fromPeriod;
    cmd.Parameters.Add(p);
    await using var r = await cmd.ExecuteReaderAsync();
    var list = new List<BenchAssignment>();
    while (await r.ReadAsync())
    {
        list.Add(new BenchAssignment
        {
            Id = sqlite ? Guid.Parse(r.GetString(0)) : r.GetGuid(0),
            DirectiveId = sqlite ? Guid.Parse(r.GetString(1)) : r.GetGuid(1),
            UnitId = r.GetString(2),
            Title = r.GetString(3),
            Status = r.GetInt32(5),
            Period = r.GetInt32(6),
            DueDate = sqlite ? DateOnly.ParseExact(r.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture) : r.GetFieldValue<DateOnly>(7),
            CreatedAt = sqlite ? new DateTimeOffset(DateTime.Parse(r.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)) : r.GetFieldValue<DateTimeOffset>(8),
            Progress = r.GetInt32(9),
            Note = r.IsDBNull(10) ? null : r.GetString(10),
            Version = r.GetInt64(11),
        });
    }

    return list.Count;
}

async Task<int> ReadApiAsync(int fromPeriod) =>
    (await data.ListAsync(new Specification<BenchAssignment>().Where(x => x.Period >= fromPeriod))).Count;

async Task<double> TimeAsync(Func<Task> work)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var watch = Stopwatch.StartNew();
    await work();
    return watch.Elapsed.TotalMilliseconds;
}

Console.WriteLine($"# {provider}, {rows:N0} rows, {rounds} ABBA round(s)");
var insertRaw = new List<double>();
var insertApi = new List<double>();
var readRaw = new List<double>();
var readApi = new List<double>();
var who = ChangeContext.System("benchmark");
async Task RawInsertRound() { var items = Generate(); await ClearAsync(); insertRaw.Add(await TimeAsync(() => InsertRawAsync(items))); }
async Task ApiInsertRound() { var items = Generate(); await ClearAsync(); insertApi.Add(await TimeAsync(() => data.InsertManyAsync(items, who))); }
async Task RawReadRound() => readRaw.Add(await TimeAsync(async () => { if (await ReadRawAsync(2021) != rows) { throw new InvalidOperationException("raw read count"); } }));
async Task ApiReadRound() => readApi.Add(await TimeAsync(async () => { if (await ReadApiAsync(2021) != rows) { throw new InvalidOperationException("api read count"); } }));

// Warm-up on a small set (JIT, pools), then ABBA rounds so drift on a shared machine hits both sides.
var fullRows = rows;
rows = 20_000;
await RawInsertRound();
await ApiInsertRound();
await RawReadRound();
await ApiReadRound();
insertRaw.Clear(); insertApi.Clear(); readRaw.Clear(); readApi.Clear();
rows = fullRows;
for (var round = 0; round < rounds; round++)
{
    if (round % 2 == 0) { await RawInsertRound(); await ApiInsertRound(); }
    else { await ApiInsertRound(); await RawInsertRound(); }
}

// Reads of the same 1M rows (the last insert's), ABBA, twice as many rounds: they are shorter.
for (var round = 0; round < rounds * 2; round++)
{
    if (round % 2 == 0) { await RawReadRound(); await ApiReadRound(); }
    else { await ApiReadRound(); await RawReadRound(); }
}

Console.WriteLine($"# rounds (ms): insert ADO.NET {string.Join(" ", insertRaw.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}; insert API {string.Join(" ", insertApi.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}");
Console.WriteLine($"# rounds (ms): read ADO.NET {string.Join(" ", readRaw.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}; read API {string.Join(" ", readApi.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}");

await using (var c = await connector.OpenAsync())
await using (var cmd = c.CreateCommand())
{
    // What autovacuum/ANALYZE would do after a bulk load; the roll-up then scans the covering index.
    cmd.CommandText = sqlite ? "ANALYZE" : $"VACUUM ANALYZE {table}";
    await cmd.ExecuteNonQueryAsync();
}

var rollup = new List<double>();
var groups = 0;
for (var i = 0; i < 5; i++)
{
    rollup.Add(await TimeAsync(async () =>
        groups = (await data.QueryAsync<RollupRow>("SELECT status, unit_id, period, COUNT(*) AS total FROM {table:assignments} GROUP BY status, unit_id, period")).Count));
}

static double Median(List<double> v) { var s = v.Order().ToList(); return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2; }
string Row(string what, List<double> raw, List<double> api) =>
    $"| {provider} | {what} {rows:N0} | {Median(raw):N0} ms | {Median(api):N0} ms | {(Median(api) / Median(raw) - 1) * 100:+0.0;-0.0} % |";
Console.WriteLine("| database | operation | ADO.NET | data API | overhead |");
Console.WriteLine("|---|---|---|---|---|");
Console.WriteLine(Row("insert", insertRaw, insertApi));
Console.WriteLine(Row("read", readRaw, readApi));
Console.WriteLine($"| {provider} | roll-up status × unit × period ({groups} groups) | | {Median(rollup):N0} ms (median of 5; min {rollup.Min():N0}) | |");
