using DanVan.Plugins.Grpc.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// Receives a plugin's <see cref="IPlugin.Map"/> calls and builds request delegates whose
/// service instances come from a per-call scope of the plugin's own service provider.
/// </summary>
internal sealed class PluginEndpointCollector(IServiceProvider serverServices, IServiceProvider pluginServices, PluginManifest manifest) : IPluginEndpoints
{
    // One key object per collector: the scope of a call lives in HttpContext.Items under it.
    private readonly object _scopeKey = new();

    public List<GrpcServiceDefinition> Services { get; } = [];

    public Dictionary<string, RequestDelegate> Tabs { get; } = new(StringComparer.Ordinal);

    public void MapGrpcService<TService>()
        where TService : class
    {
        // Decide once how instances are made: from the plugin's DI if registered, else by a
        // compiled constructor call; either way inside a per-call scope.
        GrpcServiceDefinition definition;
        if (pluginServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) != true && HasOnlyParameterlessConstructor<TService>())
        {
            // Nothing to inject: no per-call scope, which would cost every call for nothing.
            var factory = CompiledFactory<TService>();
            definition = GrpcServiceDefinitions.Create<TService>(serverServices, _ => factory(pluginServices));
        }
        else
        {
            Func<IServiceProvider, TService> make = pluginServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) == true
                ? static sp => sp.GetRequiredService<TService>()
                : CompiledFactory<TService>();
            definition = GrpcServiceDefinitions.Create<TService>(serverServices, http => Create(http, make), Release);
        }

        if (!manifest.Services.Contains(definition.ServiceName, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"Plugin '{manifest.Id}' maps gRPC service {definition.ServiceName}, which its manifest does not declare.");
        }

        Services.Add(definition);
    }

    public void MapTab(string tabId, RequestDelegate handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!manifest.Tabs.Any(t => t.Id == tabId))
        {
            throw new InvalidOperationException($"Plugin '{manifest.Id}' maps tab '{tabId}', which its manifest does not declare.");
        }

        // The page runs with the plugin's own services (a scope per request), as its gRPC services do.
        Tabs[tabId] = async http =>
        {
            var runtimeRequestServices = http.RequestServices;
            var scope = pluginServices.CreateAsyncScope();
            http.RequestServices = scope.ServiceProvider;
            try
            {
                await handler(http);
            }
            finally
            {
                http.RequestServices = runtimeRequestServices;
                await scope.DisposeAsync();
            }
        };
    }

    private static bool HasOnlyParameterlessConstructor<TService>()
    {
        var constructors = typeof(TService).GetConstructors(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance);
        return constructors.Length == 1 && constructors[0].GetParameters().Length == 0;
    }

    private static Func<IServiceProvider, TService> CompiledFactory<TService>()
        where TService : class
    {
        var factory = ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes);
        return sp => (TService)factory(sp, null);
    }

    private TService Create<TService>(HttpContext http, Func<IServiceProvider, TService> make)
        where TService : class
    {
        var scope = pluginServices.CreateAsyncScope();
        http.Items[_scopeKey] = scope;
        return make(scope.ServiceProvider);
    }

    private ValueTask Release<TService>(HttpContext http, TService service)
    {
        if (http.Items.Remove(_scopeKey, out var scope) && scope is AsyncServiceScope asyncScope)
        {
            return asyncScope.DisposeAsync();
        }

        return default;
    }
}
