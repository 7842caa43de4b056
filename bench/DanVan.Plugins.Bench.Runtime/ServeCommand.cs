using System.Diagnostics;
using System.Net;
using DanVan.Plugins.Runtime.Management;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>
/// serve &lt;h2c-port&gt; &lt;control-port&gt; [--observe]: the runtime with the echo plugin (1.0.0) and the
/// built-in echo on h2c; on the HTTP/1.1 control port, POST /swap switches the plugin to its other
/// version and answers the swap time in ms, GET /stats gives the grpc-status counts.
/// </summary>
internal static class ServeCommand
{
    public static async Task RunAsync(int h2cPort, int controlPort, bool observe)
    {
        var root = Path.Combine(Path.GetTempPath(), "danvan-bench-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, h2cPort));
            k.Listen(IPAddress.Loopback, controlPort, o => o.Protocols = HttpProtocols.Http1);
        });
        var counter = new StatusCounter();
        builder.Services.AddPluginRuntime(o =>
        {
            o.RootDirectory = Path.Combine(root, "store");
            o.DataDirectory = Path.Combine(root, "data");
        });

        // The runtime authenticates every plugin call; for load the bench replaces that chain
        // with the status counter alone, identical for the built-in and the plugin rpc.
        builder.Services.PostConfigure<DanVan.Plugins.Grpc.GrpcServiceOptions>(o =>
        {
            o.Interceptors.Clear();
            if (observe)
            {
                o.Interceptors.Add(counter);
            }
        });
        var app = builder.Build();
        app.MapPluginRuntime();
        app.MapGrpcService<BuiltinEchoServiceImpl>();
        var manager = app.Services.GetRequiredService<PluginManager>();
        var settings = new ConfigurationBuilder().Build();
        await manager.ActivateAsync(BenchPlugins.Manifest("1.0.0"), BenchPlugins.Directory("1.0.0"), settings);
        var current = "1.0.0";
        var gate = new SemaphoreSlim(1, 1);
        app.MapPost("/swap", async () =>
        {
            await gate.WaitAsync();
            try
            {
                var next = current == "1.0.0" ? "2.0.0" : "1.0.0";
                var watch = Stopwatch.StartNew();
                await manager.ActivateAsync(BenchPlugins.Manifest(next), BenchPlugins.Directory(next), settings);
                current = next;
                return Results.Text(watch.Elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture));
            }
            finally
            {
                gate.Release();
            }
        });
        app.MapGet("/stats", () => Results.Json(counter.Snapshot()));
        app.MapGet("/unloads", async () => Results.Json((await manager.WaitForUnloadsAsync()).Select(r => new { r.Version, r.Collected, r.GcPasses })));
        await app.StartAsync();
        Console.WriteLine($"READY h2c={h2cPort} control={controlPort}");
        await app.WaitForShutdownAsync();
    }
}
