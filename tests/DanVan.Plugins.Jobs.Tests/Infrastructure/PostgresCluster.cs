using System.Diagnostics;
using Npgsql;

namespace DanVan.Plugins.Jobs.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL cluster per test run (.ci/pg-up.sh), removed on dispose (.ci/pg-down.sh).</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "danvan-jobs-pg-" + Guid.NewGuid().ToString("N")[..8]);

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var output = await RunAsync("pg-up.sh");
        ConnectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg-down.sh");
    }

    /// <summary>A fresh database in the cluster, so tests do not see each other's jobs.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "jobs_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    private async Task<string> RunAsync(string script)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, ".ci", script), _directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
