using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using DanVan.Plugins.Testing;
using Microsoft.Data.Sqlite;

namespace DanVan.Plugins.Tasks.Tests.Reminders;

/// <summary>
/// The real runtime with the Tasks plugin on a fake clock, the stand-in e-office over h2c, and a way
/// to wait until the runtime's job and outbox loops have nothing left to do at the clock's time.
/// </summary>
internal sealed partial class ReminderHost : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "danvan-tasks-reminders-" + Guid.NewGuid().ToString("N"));
    private readonly Lock gate = new();
    private TaskCompletionSource timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private IReadOnlyDictionary<string, string>? settings;

    private ReminderHost(FakeTimeProvider clock) => Clock = clock;

    public FakeTimeProvider Clock { get; }

    /// <summary>Where the host says how long each step took (the test's output).</summary>
    public Action<string> Log { get; set; } = _ => { };

    private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();

    public FakeEoffice Eoffice { get; private set; } = null!;

    public PluginTestHost Host { get; private set; } = null!;

    /// <summary>Starts at <paramref name="vietnamTime"/> (UTC+7), with the plugin's <paramref name="settings"/> (manifest defaults for the rest).</summary>
    public static async Task<ReminderHost> StartAsync(DateTime vietnamTime, IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = new ReminderHost(new FakeTimeProvider(new DateTimeOffset(vietnamTime, TimeSpan.FromHours(7)))) { settings = settings };
        // Each loop arms a timer when it goes idle: a cue to look again whether all is quiet.
        host.Clock.TimerCreated += _ => host.Poke();
        host.Eoffice = await FakeEoffice.StartAsync();
        await host.StartRuntimeAsync();
        return host;
    }

    /// <summary>Starts the runtime (again) on the same database and clock, and waits until it has caught up.</summary>
    public async Task StartRuntimeAsync()
    {
        Host = await PluginTestHost.StartAsync(TasksPluginBuild.Directory, settings, configure: o =>
        {
            Eoffice.Configure(o);
            o.DataDirectory = dataDirectory;

            // One runtime: in-process signals wake the loops, so they need no poll within a test; one
            // on the fake clock, a month out, arms a timer whenever a loop goes idle (the quiet cue).
            o.Jobs.PollClock = Clock;
            o.Jobs.PollInterval = TimeSpan.FromDays(30);
            o.Outbox.PollClock = Clock;
            o.Outbox.PollInterval = TimeSpan.FromDays(30);

            // The plugin's context outlives its unload (a System.Text.Json cache holds a Tasks type,
            // reported at every stop); the heap snapshot that traces it took seconds per test here.
            o.DiagnoseLeaks = false;
        }, time: Clock);
        await WaitUntilQuietAsync();
    }

    /// <summary>Stops the runtime (its database stays), as a server going down.</summary>
    public async Task StopRuntimeAsync() => await Host.DisposeAsync();

    /// <summary>Moves the clock to <paramref name="vietnamTime"/> (UTC+7) and waits until every reminder due by then is delivered or waiting on a retry.</summary>
    public async Task AdvanceToAsync(DateTime vietnamTime)
    {
        var started = watch.Elapsed;
        Clock.Advance(new DateTimeOffset(vietnamTime, TimeSpan.FromHours(7)) - Clock.GetUtcNow());
        var advanced = watch.Elapsed;
        await WaitUntilQuietAsync();
        Log($"{vietnamTime:dd/MM HH:mm}: advance {(advanced - started).TotalMilliseconds:F0} ms, quiet after {(watch.Elapsed - advanced).TotalMilliseconds:F0} ms");
    }

    /// <summary>
    /// Waits until no job occurrence or outbox message is running, or pending and due at the clock's
    /// time. Checked now and again each time a timer is created (a loop going idle arms one after
    /// its last write), never by sleeping.
    /// </summary>
    public async Task WaitUntilQuietAsync()
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            Task cue;
            lock (gate)
            {
                cue = timerCreated.Task;
            }

            if (await IsQuietAsync())
            {
                return;
            }

            try
            {
                await cue.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Still busy after {Patience.TotalSeconds} s at {Clock.GetUtcNow():O}: {await DescribeBusyAsync()}");
            }
        }
    }

    /// <summary>Sở Nội vụ's appraiser confirms items of seed 001 into tasks (their reminders are scheduled in the same request).</summary>
    public async Task ConfirmAsync(params string[] items)
    {
        using var client = Host.CreatePageClient();
        using var form = new FormUrlEncodedContent(items.Select(i => new KeyValuePair<string, string>("muc", i)));
        using var response = await client.PostAsync(Host.TabPagePath("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, FakeEoffice.Seed001Id, "xac-nhan"), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Đã tạo {items.Length} nhiệm vụ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await WaitUntilQuietAsync();
    }

    /// <summary>
    /// Xã Tân Hưng's officer reports its first open assignment (2026) 100 % done on the unit tab, and
    /// Sở Nội vụ's appraiser accepts the report on the document's "Tiến độ" page: that completes it.
    /// </summary>
    public async Task CompleteFirstOfTanHungAsync()
    {
        using var page = await Host.GetTabPageAsync("unit-tasks", FakeUsers.CommuneOfficer, FakeEoffice.Commune);
        var match = ReportForm().Match(await page.Content.ReadAsStringAsync());
        Assert.True(match.Success, "no report form on the page");
        using var client = Host.CreatePageClient();
        using var report = new FormUrlEncodedContent([new("id", match.Groups[1].Value), new("version", match.Groups[2].Value), new("noi-dung", "Đã triển khai xong."), new("phan-tram", "100")]);
        using var reported = await client.PostAsync(Host.TabPagePath("unit-tasks", FakeUsers.CommuneOfficer, FakeEoffice.Commune, relativePath: "bao-cao"), report);
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);

        using var progress = await Host.GetTabPageAsync("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, FakeEoffice.Seed001Id, "tien-do");
        var pending = ReviewForm().Match(await progress.Content.ReadAsStringAsync());
        Assert.True(pending.Success, "no report to review on the progress page");
        using var accept = new FormUrlEncodedContent([new("id", pending.Groups[1].Value), new("version", pending.Groups[2].Value), new("quyet-dinh", "chap-nhan")]);
        using var accepted = await client.PostAsync(Host.TabPagePath("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, FakeEoffice.Seed001Id, "tien-do/duyet"), accept);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, await ScalarAsync("SELECT COUNT(*) FROM \"danvan_tasks__assignments\" WHERE unit_id = 'xa-tan-hung' AND state = 1"));
    }

    /// <summary>
    /// Phường Phố Hiến's officer asks for more time on its first open assignment (2026) on the unit
    /// tab, and Sở Nội vụ's appraiser approves on the document's "Tiến độ" page: ProgressService moves
    /// the assignment's due date, and nothing tells the reminders.
    /// </summary>
    public async Task ExtendFirstOfPhoHienAsync(DateOnly newDue)
    {
        using var client = Host.CreatePageClient();
        using var page = await Host.GetTabPageAsync("unit-tasks", FakeUsers.OtherCommuneOfficer, FakeUsers.OtherCommune);
        var ask = ExtensionForm().Match(await page.Content.ReadAsStringAsync());
        Assert.True(ask.Success, "no extension form on the page");
        using var request = new FormUrlEncodedContent([new("id", ask.Groups[1].Value), new("han-moi", newDue.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)), new("ly-do", "Chờ kết quả khảo sát ở các khu phố.")]);
        using var asked = await client.PostAsync(Host.TabPagePath("unit-tasks", FakeUsers.OtherCommuneOfficer, FakeUsers.OtherCommune, relativePath: "gia-han"), request);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        using var progress = await Host.GetTabPageAsync("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, FakeEoffice.Seed001Id, "tien-do");
        var pending = DecisionForm().Match(await progress.Content.ReadAsStringAsync());
        Assert.True(pending.Success, "no extension to decide on the progress page");
        using var approve = new FormUrlEncodedContent([new("id", pending.Groups[1].Value), new("version", pending.Groups[2].Value), new("quyet-dinh", "dong-y")]);
        using var approved = await client.PostAsync(Host.TabPagePath("document-tasks", FakeUsers.Appraiser, FakeEoffice.HomeAffairs, FakeEoffice.Seed001Id, "tien-do/gia-han"), approve);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(newDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await TextAsync($"SELECT due_date FROM \"danvan_tasks__assignments\" WHERE id = '{ask.Groups[1].Value}'"));
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<string> TextAsync(string sql)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Eoffice.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private async Task<bool> IsQuietAsync()
    {
        var now = Clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await ScalarAsync($"""
            SELECT (SELECT COUNT(*) FROM danvan_job_occurrences WHERE state = 'running' OR (state = 'pending' AND run_at <= {now}))
                 + (SELECT COUNT(*) FROM danvan_outbox WHERE state = 'sending' OR (state = 'pending' AND next_attempt_at <= {now}))
            """) == 0;
    }

    private async Task<string> DescribeBusyAsync()
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT 'job ' || j.job_key || ' ' || o.state || ' run_at ' || o.run_at || ' attempt ' || o.attempt FROM danvan_job_occurrences o JOIN danvan_jobs j ON j.id = o.job_id WHERE o.state IN ('pending', 'running')
            UNION ALL
            SELECT 'outbox ' || idempotency_key || ' ' || state || ' next ' || next_attempt_at || ' attempts ' || attempts FROM danvan_outbox WHERE state IN ('pending', 'sending')
            """;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return $"now {Clock.GetUtcNow().ToUnixTimeMilliseconds()}; " + string.Join("; ", lines);
    }

    private void Poke()
    {
        lock (gate)
        {
            var fired = timerCreated;
            timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
            fired.TrySetResult();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "danvan.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    [GeneratedRegex("action=\"[^\"]*bao-cao[^\"]*\"[^>]*>.*?name=\"id\" value=\"([0-9a-f-]+)\"><input type=\"hidden\" name=\"version\" value=\"(\\d+)\">", RegexOptions.Singleline)]
    private static partial Regex ReportForm();

    [GeneratedRegex("action=\"[^\"]*tien-do/duyet[^\"]*\"[^>]*>.*?name=\"id\" value=\"([0-9a-f-]+)\"><input type=\"hidden\" name=\"version\" value=\"(\\d+)\">", RegexOptions.Singleline)]
    private static partial Regex ReviewForm();

    [GeneratedRegex("action=\"[^\"]*unit-tasks/gia-han[^\"]*\"[^>]*><input type=\"hidden\" name=\"id\" value=\"([0-9a-f-]+)\">")]
    private static partial Regex ExtensionForm();

    [GeneratedRegex("action=\"[^\"]*tien-do/gia-han[^\"]*\"[^>]*><input type=\"hidden\" name=\"id\" value=\"([0-9a-f-]+)\"><input type=\"hidden\" name=\"version\" value=\"(\\d+)\">")]
    private static partial Regex DecisionForm();
}
