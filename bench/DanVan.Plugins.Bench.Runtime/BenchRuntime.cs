using System.Net;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>An in-process runtime on a loopback h2c port with a channel to it, for the console measurements.</summary>
internal sealed class BenchRuntime : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _root;

    private BenchRuntime(WebApplication app, string root, GrpcChannel channel)
    {
        _app = app;
        _root = root;
        Channel = channel;
    }

    public GrpcChannel Channel { get; }

    public IServiceProvider Services => _app.Services;

    public string Root => _root;

    public static async Task<BenchRuntime> StartAsync(Action<PluginRuntimeOptions>? configure = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "danvan-bench-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        builder.Services.AddPluginRuntime(o =>
        {
            o.RootDirectory = Path.Combine(root, "store");
            o.DataDirectory = Path.Combine(root, "data");
            o.CallerTokens["bench"] = "bench-token-0123456789abcdef";
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapPluginRuntime();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { Credentials = CallCredentials.FromBearerToken("bench-token-0123456789abcdef") });
        return new BenchRuntime(app, root, channel);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
