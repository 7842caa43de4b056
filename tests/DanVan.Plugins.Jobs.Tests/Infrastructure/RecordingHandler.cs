using System.Collections.Concurrent;

namespace DanVan.Plugins.Jobs.Tests.Infrastructure;

/// <summary>A handler that records every context it ran with, then does what the test says.</summary>
public sealed class RecordingHandler(string name, Func<JobContext, CancellationToken, Task>? body) : IJobHandler
{
    public string Name => name;

    public ConcurrentQueue<JobContext> Calls { get; } = new();

    public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
    {
        Calls.Enqueue(context);
        if (body is not null)
        {
            await body(context, cancellationToken);
        }
    }
}
