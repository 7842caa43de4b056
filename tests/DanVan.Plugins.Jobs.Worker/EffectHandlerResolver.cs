using DanVan.Plugins.Storage;
using DanVan.Plugins.Storage.Jobs;

namespace DanVan.Plugins.Jobs.Worker;

/// <summary>Plugin "danvan.test" is active with one handler, "tick", which leaves an effect row per execution.</summary>
internal sealed class EffectHandlerResolver(DatabaseConnector connector, string workerId) : IJobHandlerResolver
{
    public IReadOnlyCollection<string> ActivePluginIds { get; } = ["danvan.test"];

    public IJobHandler? Resolve(string pluginId, string jobName) =>
        pluginId == "danvan.test" && jobName == "tick" ? new EffectHandler(connector, workerId) : null;
}
