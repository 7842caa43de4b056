using System.Globalization;
using System.Data.Common;
using DanVan.Plugins.Storage;

namespace DanVan.Plugins.Jobs.Worker;

/// <summary>A clock kept in the database (test_clock) so both worker processes see the same "now".</summary>
internal sealed class SharedClock(DatabaseConnector connector) : TimeProvider
{
    private DateTimeOffset _now;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Counts this process in and waits for the other, so both start racing together.</summary>
    public async Task ArriveAsync()
    {
        await ExecuteAsync("UPDATE test_clock SET ready = ready + 1");
        while (await ScalarAsync("SELECT ready FROM test_clock") < 2)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>The shared now, or null once it is past the end of the test.</summary>
    public async Task<DateTimeOffset?> ReadAsync()
    {
        await using var connection = await connector.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT now_ms, end_ms FROM test_clock";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (now, end) = (reader.GetInt64(0), reader.GetInt64(1));
        _now = DateTimeOffset.FromUnixTimeMilliseconds(now);
        return now > end ? null : _now;
    }

    /// <summary>Moves the clock to the next due occurrence, only if nothing is due or running at <paramref name="seen"/>.</summary>
    public async Task<bool> TryAdvanceAsync(DateTimeOffset seen) =>
        await ExecuteAsync(
            """
            UPDATE test_clock
            SET now_ms = COALESCE((SELECT MIN(run_at) FROM danvan_job_occurrences WHERE state = 'pending'), end_ms + 1)
            WHERE now_ms = @seen
              AND NOT EXISTS (SELECT 1 FROM danvan_job_occurrences WHERE (state = 'pending' AND run_at <= @seen) OR state = 'running')
            """,
            seen.ToUnixTimeMilliseconds()) == 1;

    private async Task<int> ExecuteAsync(string sql, long? seen = null)
    {
        await using var connection = await connector.OpenAsync();
        await using var command = Command(connection, sql, seen);
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await connector.OpenAsync();
        await using var command = Command(connection, sql, null);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, string sql, long? seen)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (seen is { } value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@seen";
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
