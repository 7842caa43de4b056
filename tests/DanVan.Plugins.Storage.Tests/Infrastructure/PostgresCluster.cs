using System.Diagnostics;
using Npgsql;

namespace DanVan.Plugins.Storage.Tests.Infrastructure;

/// <summary>One throwaway PostgreSQL cluster for the whole test run (.ci/pg-up.sh), stopped and removed on dispose.</summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "danvan-pg-" + Guid.NewGuid().ToString("N"));

    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (code, output) = await RunAsync(".ci/pg-up.sh");
        if (code != 0)
        {
            throw new InvalidOperationException("pg-up.sh failed: " + output);
        }

        AdminConnectionString = output.Trim().Split('\n')[^1].Trim();
    }

    /// <summary>A fresh, empty database on the cluster.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync(".ci/pg-down.sh");
    }

    private async Task<(int Code, string Output)> RunAsync(string script)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, script), _directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
