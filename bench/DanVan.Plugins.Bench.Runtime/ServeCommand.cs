using System.Net;
using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Management;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>
/// serve &lt;h2c-port&gt; &lt;control-port&gt; [--observe] [--drop &lt;folder&gt;]: the runtime with the echo
/// plugin and the built-in echo on h2c. Without --drop the plugin starts from its build folder; with
/// it, the runtime trusts the development key, watches that drop folder and installs the plugin as
/// a signed 1.0.0 package, as a province's runtime does, so upgrades come through the drop folder.
/// On the HTTP/1.1 control port GET /stats gives the grpc-status counts (POST /stats/reset clears
/// them) and GET /events, once every pending unload has been checked, how many old versions were
/// collected or leaked and any warning the runtime logged.
/// </summary>
internal static class ServeCommand
{
    public static async Task RunAsync(int h2cPort, int controlPort, bool observe, string? drop)
    {
        var root = drop is null
            ? Path.Combine(Path.GetTempPath(), "danvan-bench-" + Guid.NewGuid().ToString("N"))
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(drop))!, "server-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var events = new RuntimeEventLog();
        builder.Logging.AddProvider(events);
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
            if (drop is not null)
            {
                o.TrustStorePath = BenchPackages.KeyDirectory;
                o.DropDirectory = drop;
            }
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
        if (drop is null)
        {
            await manager.ActivateAsync(BenchPlugins.Manifest("1.0.0"), BenchPlugins.Directory("1.0.0"), new ConfigurationBuilder().Build());
        }
        else
        {
            using var packages = new BenchPackages(Path.Combine(root, "staging"));
            await app.Services.GetRequiredService<PluginAdministration>().InstallAsync(packages.Pack("1.0.0"), "bench");
        }

        app.MapGet("/stats", () => Results.Json(counter.Snapshot()));
        app.MapPost("/stats/reset", () =>
        {
            counter.Reset();
            return Results.Ok();
        });
        app.MapGet("/events", async () =>
        {
            await manager.WaitForUnloadsAsync();
            return Results.Json(events.Snapshot());
        });
        await app.StartAsync();
        Console.WriteLine($"READY h2c={h2cPort} control={controlPort}");
        await app.WaitForShutdownAsync();
    }
}
