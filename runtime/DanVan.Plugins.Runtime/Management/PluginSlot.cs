using DanVan.Plugins.Runtime.Loading;
using DanVan.Plugins.Runtime.Routing;

namespace DanVan.Plugins.Runtime.Management;

/// <summary>The runtime's record of one plugin id: its router, the version serving, its state.</summary>
internal sealed class PluginSlot(string id, TimeProvider? time = null)
{
    private PluginState _state = PluginState.Installed;

    public string Id { get; } = id;

    public PluginRouter Router { get; } = new(id);

    public LoadedPlugin? Active { get; set; }

    public PluginManifest? Manifest { get; set; }

    public PluginState State
    {
        get => _state;
        set
        {
            if (value != _state)
            {
                StateChangeTime = (time ?? TimeProvider.System).GetUtcNow();
            }

            _state = value;
        }
    }

    public DateTimeOffset? StateChangeTime { get; private set; }

    public string? Reason { get; set; }

    /// <summary>Routed service name → its route entries (default-context objects pointing at the router).</summary>
    public Dictionary<string, IReadOnlyList<DanVan.Plugins.Grpc.Hosting.GrpcMethodDefinition>> RoutedServices { get; } = new(StringComparer.Ordinal);

    public UnloadReport? LastUnload { get; set; }

    public DateTimeOffset? LastUnloadRequestTime { get; set; }
}
