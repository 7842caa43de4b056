using DanVan.Plugins.Storage;

namespace DanVan.Plugins.Jobs.Worker;

/// <summary>
/// Records every execution in test_effects (no unique key there), so a second execution of an
/// occurrence shows up as a second row rather than being hidden by a constraint.
/// </summary>
internal sealed class EffectHandler(DatabaseConnector connector, string workerId) : IJobHandler
{
    public string Name => "tick";

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        await using var connection = await connector.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO test_effects (job_id, due_at, worker) VALUES (@job, @due, @worker)";
        foreach (var (name, value) in new (string, object)[] { ("@job", context.JobId), ("@due", context.DueAt.ToUnixTimeMilliseconds()), ("@worker", workerId) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
