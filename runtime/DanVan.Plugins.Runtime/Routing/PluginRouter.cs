using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Hosting;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Runtime.Routing;

/// <summary>
/// Routes a plugin's calls to its active version. The server's routes point here, never into
/// plugin code, so switching versions is one reference swap and an unloaded version is not kept
/// alive by the routing tables. A call that races a switch retries on the new version, so an
/// upgrade fails no call.
/// </summary>
internal sealed class PluginRouter(string pluginId)
{
    private PluginGeneration? _active;

    public string PluginId { get; } = pluginId;

    public PluginGeneration? Active => Volatile.Read(ref _active);

    /// <summary>Makes <paramref name="next"/> serve new calls and returns the version it replaced (still draining).</summary>
    public PluginGeneration? Switch(PluginGeneration? next)
    {
        var previous = Interlocked.Exchange(ref _active, next);
        previous?.Close();
        return previous;
    }

    /// <summary>
    /// Enters the active version for work other than a gRPC call (a tab page, badges, an event), so an
    /// upgrade or disable waits for it before unloading. Null when no version is active. The caller
    /// must call <see cref="PluginGeneration.Exit"/>.
    /// </summary>
    public PluginGeneration? Enter()
    {
        while (true)
        {
            var generation = Volatile.Read(ref _active);
            if (generation is null || generation.TryEnter())
            {
                return generation;
            }
        }
    }

    public Task InvokeAsync(HttpContext http, string path)
    {
        while (true)
        {
            var generation = Volatile.Read(ref _active);
            if (generation is null)
            {
                return GrpcServiceRegistry.WriteStatusAsync(http, new Status(StatusCode.Unavailable, $"Plugin '{PluginId}' is not enabled."));
            }

            if (!generation.TryEnter())
            {
                // Closed between the read and the entry: the next read sees its successor.
                continue;
            }

            if (!generation.Handlers.TryGetValue(path, out var handler))
            {
                generation.Exit();
                return GrpcServiceRegistry.WriteStatusAsync(http, new Status(StatusCode.Unimplemented, $"Method is unimplemented by plugin '{PluginId}' {generation.Version}."));
            }

            Task call;
            try
            {
                call = handler(http);
            }
            catch
            {
                generation.Exit();
                throw;
            }

            // Most calls finish synchronously on the way out; only the others need a continuation.
            if (call.IsCompletedSuccessfully)
            {
                generation.Exit();
                return Task.CompletedTask;
            }

            return ExitWhenDone(call, generation);
        }
    }

    private static async Task ExitWhenDone(Task call, PluginGeneration generation)
    {
        try
        {
            await call;
        }
        finally
        {
            generation.Exit();
        }
    }
}
