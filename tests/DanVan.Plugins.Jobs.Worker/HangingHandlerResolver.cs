using DanVan.Plugins.Storage.Jobs;

namespace DanVan.Plugins.Jobs.Worker;

/// <summary>Plugin "danvan.test", handler "tick": announces itself on stdout, then never finishes.</summary>
internal sealed class HangingHandlerResolver : IJobHandlerResolver
{
    public IReadOnlyCollection<string> ActivePluginIds { get; } = ["danvan.test"];

    public IJobHandler? Resolve(string pluginId, string jobName) => jobName == "tick" ? new HangingHandler() : null;

    private sealed class HangingHandler : IJobHandler
    {
        public string Name => "tick";

        public async Task ExecuteAsync(JobContext context, CancellationToken cancellationToken)
        {
            await Console.Out.WriteLineAsync($"running {context.JobId} {context.DueAt.ToUnixTimeMilliseconds()}");
            await Console.Out.FlushAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
