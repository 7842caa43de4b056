using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Hosting;
using Microsoft.AspNetCore.Hosting.Server;

namespace DanVan.Plugins.HostSample.Demo;

/// <summary>
/// The one-command demo: the sample e-office and, beside it in the same process, the plugin
/// runtime with every plugin built from plugins/, on embedded SQLite under the data folder.
/// The host starts first because the runtime asks it for users, roles and documents.
/// </summary>
public sealed class HostSampleDemo : IAsyncDisposable
{
    private HostSampleDemo(WebApplication host, WebApplication? runtime, Uri webAddress)
    {
        Host = host;
        Runtime = runtime;
        WebAddress = webAddress;
    }

    /// <summary>The sample e-office (danvan.host.v1 and the web shell).</summary>
    public WebApplication Host { get; }

    /// <summary>The embedded plugin runtime, or null when HostSample:EmbeddedRuntime is false.</summary>
    public WebApplication? Runtime { get; }

    /// <summary>The address officers open.</summary>
    public Uri WebAddress { get; }

    /// <summary>Starts both; <paramref name="configure"/> may add configuration or replace services in each application.</summary>
    public static async Task<HostSampleDemo> StartAsync(string[] args, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var host = HostSampleApp.Build(args, configure);
        await host.StartAsync(cancellationToken);
        var options = host.Services.GetRequiredService<HostSampleOptions>();
        var endpoints = host.Services.GetRequiredService<HostEndpoints>();
        var server = host.Services.GetRequiredService<IServer>();
        var webAddress = endpoints.WebAddress(server);
        if (!options.EmbeddedRuntime)
        {
            return new HostSampleDemo(host, null, webAddress);
        }

        var grpc = endpoints.GrpcAddress(server);
        var runtime = PluginRuntimeServer.Build(args, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Runtime:HostAddress"] = grpc.AbsoluteUri,
                ["Runtime:TrustStore"] = Path.Combine(AppContext.BaseDirectory, "trust"),
            });
            configure?.Invoke(builder);
        });
        await PluginRuntimeServer.StartAsync(runtime, cancellationToken);
        var packages = options.PluginPackages ?? Path.Combine(AppContext.BaseDirectory, "plugins");
        await DemoPlugins.InstallAsync(
            runtime.Services.GetRequiredService<PluginAdministration>(),
            Path.GetFullPath(packages),
            Path.Combine(AppContext.BaseDirectory, "trust"),
            host.Logger,
            cancellationToken);
        return new HostSampleDemo(host, runtime, webAddress);
    }

    /// <summary>Stops the runtime, then the host.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Runtime is not null)
        {
            await Runtime.StopAsync();
            await Runtime.DisposeAsync();
        }

        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}
