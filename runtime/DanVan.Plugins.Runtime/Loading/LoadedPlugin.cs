using DanVan.Plugins.Grpc.Hosting;
using DanVan.Plugins.Runtime.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Collections.Frozen;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>One plugin version, loaded and started: its context, its services, what it serves.</summary>
internal sealed class LoadedPlugin
{
    private PluginLoadContext? _context;
    private ServiceProvider? _services;

    public LoadedPlugin(PluginManifest manifest, string directory, PluginLoadContext context, ServiceProvider services, IReadOnlyList<GrpcServiceDefinition> grpcServices, IReadOnlyDictionary<string, RequestDelegate> tabs, IReadOnlyList<IHostedService> hostedServices)
    {
        Manifest = manifest;
        Directory = directory;
        _context = context;
        _services = services;
        GrpcServices = grpcServices;
        Tabs = tabs;
        HostedServices = hostedServices;
        Generation = new PluginGeneration(
            manifest.Version,
            grpcServices.SelectMany(s => s.Methods).ToDictionary(m => m.Method.FullName, m => m.Handler, StringComparer.Ordinal).ToFrozenDictionary(StringComparer.Ordinal),
            tabs.ToFrozenDictionary(StringComparer.Ordinal),
            services);
    }

    public PluginManifest Manifest { get; }

    /// <summary>The plugin's own container while it is loaded (for diagnostics and tests).</summary>
    public IServiceProvider? PluginServices => _services;

    public string Directory { get; }

    public PluginGeneration Generation { get; private set; }

    public IReadOnlyList<GrpcServiceDefinition> GrpcServices { get; private set; }

    public IReadOnlyDictionary<string, RequestDelegate> Tabs { get; private set; }

    public IReadOnlyList<IHostedService> HostedServices { get; private set; }

    /// <summary>Stops the plugin's hosted services, disposes its container, drops every reference into its context and starts the unload.</summary>
    public async Task<WeakReference> UnloadAsync(TimeSpan stopTimeout)
    {
        foreach (var hosted in HostedServices.Reverse())
        {
            try
            {
                await hosted.StopAsync(CancellationToken.None).WaitAsync(stopTimeout);
            }
            catch (Exception)
            {
                // A plugin that fails to stop is still unloaded; the unload check reports if it lingers.
            }
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _services = null;
        GrpcServices = [];
        Tabs = new Dictionary<string, RequestDelegate>();
        HostedServices = [];
        Generation = new PluginGeneration(Manifest.Version, System.Collections.Frozen.FrozenDictionary<string, RequestDelegate>.Empty);
        return StartUnload();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference StartUnload()
    {
        var weak = new WeakReference(_context);
        FrameworkCaches.Clear();
        _context?.Unload();
        _context = null;
        return weak;
    }
}
