using DanVan.Plugins.Storage.Jobs;
using Microsoft.Extensions.Hosting;

namespace DanVan.Plugins.Runtime.Jobs;

/// <summary>Creates the job and outbox tables when the runtime starts, before the scheduler and dispatcher poll them.</summary>
internal sealed class JobSchemaInitializer(JobStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
