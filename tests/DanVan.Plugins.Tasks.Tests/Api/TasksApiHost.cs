using DanVan.Plugins.Contracts.Tasks.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Tasks.Tests.Infrastructure;
using DanVan.Plugins.Testing;
using Google.Rpc;
using Microsoft.Data.Sqlite;

namespace DanVan.Plugins.Tasks.Tests.Api;

/// <summary>
/// The Tasks plugin in the real runtime on a real loopback h2c port (so calls cross HTTP/2 framing), with the
/// fake e-office and a fake clock (01/11/2026 10:00 in Hà Nội); an extra caller "integrator" that is not a host
/// caller. Calls act for an officer through the x-danvan-user-id metadata.
/// </summary>
internal sealed class TasksApiHost : IAsyncDisposable
{
    public const string IntegratorToken = "tasks-api-tests-integrator-4c2e";
    public const string HostToken = "tasks-api-tests-host-9d1a";

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "danvan-tasks-api-" + Guid.NewGuid().ToString("N"));

    private TasksApiHost(FakeEoffice eoffice) => Eoffice = eoffice;

    public FakeEoffice Eoffice { get; }

    public PluginTestHost Host { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero));

    public TasksService.TasksServiceClient Client => new(Host.Channel);

    /// <summary>The runtime's SQLite file, for reading what was stored.</summary>
    public string DatabasePath => Path.Combine(dataDirectory, "danvan.db");

    public static async Task<TasksApiHost> StartAsync()
    {
        var api = new TasksApiHost(await FakeEoffice.StartAsync());
        api.Host = await PluginTestHost.StartOnLoopbackAsync(TasksPluginBuild.Directory, configure: o =>
        {
            api.Eoffice.Configure(o);
            o.DataDirectory = api.dataDirectory;
            o.CallerTokens["integrator"] = IntegratorToken;
            o.CallerTokens["second-host"] = HostToken;
            o.HostCallers.Add("second-host");
        }, time: api.Clock);
        return api;
    }

    public static Metadata As(string userId) => new() { { "x-danvan-user-id", userId } };

    /// <summary>Confirms items of seed 001 as a provincial officer (the issuer's unit), plainly.</summary>
    public async Task<ConfirmDraftResponse> ConfirmAsync(params string[] items)
    {
        var request = new ConfirmDraftRequest { DocumentId = FakeEoffice.Seed001Id };
        request.Items.AddRange(items.Select(i => new ItemConfirmation { ItemPath = i }));
        return await Client.ConfirmDraftAsync(request, As(FakeUsers.ProvinceOfficer));
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "danvan.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The fields a refusal names in its google.rpc.BadRequest.</summary>
    public static List<string> Fields(RpcException ex) =>
        [.. ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? []];

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Eoffice.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
