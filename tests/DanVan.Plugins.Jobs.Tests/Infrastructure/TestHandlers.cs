using System.Collections.Concurrent;
using DanVan.Plugins.Storage.Jobs;

namespace DanVan.Plugins.Jobs.Tests.Infrastructure;

/// <summary>The plugin manager's part, for tests: which plugins are active and their handlers.</summary>
public sealed class TestHandlers : IJobHandlerResolver
{
    private readonly ConcurrentDictionary<(string Plugin, string Name), IJobHandler> _handlers = new();
    private readonly ConcurrentDictionary<string, bool> _active = new();

    public IReadOnlyCollection<string> ActivePluginIds => _active.Keys.ToArray();

    public void Activate(string pluginId) => _active[pluginId] = true;

    public void Deactivate(string pluginId) => _active.TryRemove(pluginId, out _);

    public RecordingHandler Add(string pluginId, string name, Func<JobContext, CancellationToken, Task>? body = null)
    {
        Activate(pluginId);
        var handler = new RecordingHandler(name, body);
        _handlers[(pluginId, name)] = handler;
        return handler;
    }

    public IJobHandler? Resolve(string pluginId, string jobName) =>
        _active.ContainsKey(pluginId) && _handlers.TryGetValue((pluginId, jobName), out var handler) ? handler : null;
}
