using DanVan.Plugins.Jobs;

namespace DanVan.Plugins.Storage.Jobs;

/// <summary>
/// What the <see cref="JobScheduler"/> asks the plugin manager: which plugins are active, and the
/// handler a plugin registered for a job name. Jobs of plugins not in <see cref="ActivePluginIds"/>
/// are not claimed at all: they wait, neither lost nor failed, until the plugin is active again.
/// </summary>
public interface IJobHandlerResolver
{
    /// <summary>The ids of the plugins active in this runtime now (read once per poll).</summary>
    IReadOnlyCollection<string> ActivePluginIds { get; }

    /// <summary>
    /// The handler of <paramref name="pluginId"/> named <paramref name="jobName"/>, from the plugin's
    /// services, or null when the plugin is not active or has no such handler (for instance a new
    /// version dropped it); the occurrence then waits and is offered again later.
    /// </summary>
    IJobHandler? Resolve(string pluginId, string jobName);
}
