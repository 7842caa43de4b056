using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins;

/// <summary>Where a plugin maps what it serves; the runtime routes to it while the plugin version is active.</summary>
public interface IPluginEndpoints
{
    /// <summary>Maps a gRPC service implementation (a class deriving from a generated <c>…Base</c>), resolved from the plugin's services per call.</summary>
    void MapGrpcService<TService>()
        where TService : class;

    /// <summary>Maps a tab page for a tab declared in the manifest; the handler renders HTML for the tab's context.</summary>
    void MapTab(string tabId, RequestDelegate handler);
}
