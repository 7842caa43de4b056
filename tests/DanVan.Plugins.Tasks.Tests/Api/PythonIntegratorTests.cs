using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using DanVan.Plugins.Tasks.Tests.Infrastructure;

namespace DanVan.Plugins.Tasks.Tests.Api;

/// <summary>
/// An integrator's view: tests/peers/python/tasks_api_client.py, with Debian's grpcio (C-core) and stubs it
/// generates itself from protos/danvan/tasks/v1, calls the Tasks API of the plugin running in the runtime on a
/// real port: draft, confirm, list a unit's assignments, a refusal with its BadRequest field, and a call without
/// an officer.
/// </summary>
public sealed class PythonIntegratorTests : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private static readonly string RepoRoot = typeof(PythonIntegratorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
    private TasksApiHost api = null!;

    public async Task InitializeAsync() => api = await TasksApiHost.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task PythonGrpcio_DraftsConfirmsAndLists_AndReadsTheRefusals()
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        foreach (var argument in new[]
        {
            Path.Combine(RepoRoot, "tests", "peers", "python", "tasks_api_client.py"),
            "--target", api.Host.Address!.Authority, "--token", TasksApiHost.HostToken,
            "--manager", FakeUsers.ProvinceOfficer, "--officer", FakeUsers.CommuneOfficer,
            "--document", FakeEoffice.Seed001Id, "--unit", FakeEoffice.Commune, "--item", "8",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            await process.WaitForExitAsync(timeout.Token);
        }

        Assert.True(process.ExitCode == 0, $"python exited {process.ExitCode}: {await stderr}");
        using var json = JsonDocument.Parse(await stdout);
        var r = json.RootElement;
        Assert.Equal(8, r.GetProperty("draft").GetProperty("items").GetInt32());
        var itemText = r.GetProperty("draft").GetProperty("item_text").GetString()!;
        var slice = r.GetProperty("draft").GetProperty("item_slice").GetString()!;
        Assert.StartsWith(string.Join(' ', slice.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))[..20], itemText, StringComparison.Ordinal);
        Assert.Equal(["trước ngày 15 tháng 11 hằng năm"], r.GetProperty("draft").GetProperty("closing_deadlines").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, r.GetProperty("confirm").GetProperty("tasks_created").GetInt32());
        Assert.Equal(8, r.GetProperty("confirm").GetProperty("assignments_created").GetInt32());
        var assignments = r.GetProperty("assignments").EnumerateArray().ToList();
        Assert.Equal(["15/11/2026", "15/11/2027"], assignments.Select(a => a.GetProperty("due").GetString()));
        Assert.All(assignments, a => Assert.Equal("ASSIGNMENT_STATUS_NOT_DUE", a.GetProperty("status").GetString()));
        Assert.All(assignments, a => Assert.Equal("chưa đến hạn", a.GetProperty("label").GetString()));
        Assert.Equal("INVALID_ARGUMENT", r.GetProperty("invalid").GetProperty("code").GetString());
        Assert.Equal("Văn bản không có mục “99”.", r.GetProperty("invalid").GetProperty("message").GetString());
        Assert.Equal(["items[0].item_path"], r.GetProperty("invalid").GetProperty("fields").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("UNAUTHENTICATED", r.GetProperty("no_officer").GetString());
    }
}
