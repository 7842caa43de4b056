using DanVan.Plugins.Jobs;

namespace DanVan.Plugins.Tasks.Assignments;

/// <summary>
/// Every night at 00:01 Vietnam time (before the reminder sweep at 00:05), generates the next periods of
/// recurring tasks (<see cref="PeriodGenerator"/>). A durable daily job: the runtime runs each slot once,
/// even with several runtimes on one database, and runs the slots it missed while down.
/// </summary>
internal sealed class PeriodGenerationJob(PeriodGenerator generator) : IJobHandler
{
    public const string JobName = "generate-periods";

    public const string Key = "assignments:generate-ahead";

    public static readonly JobSchedule Schedule = JobSchedule.Daily(new TimeOnly(0, 1), JobSchedule.VietnamOffset);

    public string Name => JobName;

    public Task ExecuteAsync(JobContext context, CancellationToken cancellationToken) =>
        generator.GenerateAsync(context.DueAt, cancellationToken);
}
