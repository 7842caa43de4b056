using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Management;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests.Infrastructure;

/// <summary>The plugin runtime on an in-memory server, with a channel to it.</summary>
internal sealed class RuntimeHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _root;

    private readonly bool _ownsRoot;

    private RuntimeHost(WebApplication app, string root, bool ownsRoot)
    {
        _app = app;
        _root = root;
        _ownsRoot = ownsRoot;
        var server = app.GetTestServer();
        Channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        Manager = app.Services.GetRequiredService<PluginManager>();
        Admin = app.Services.GetRequiredService<PluginAdministration>();
    }

    public PluginAdministration Admin { get; }

    /// <summary>A folder for test packages, removed with the host.</summary>
    public string Scratch => Path.Combine(_root, "scratch");

    public GrpcChannel Channel { get; }

    public PluginManager Manager { get; }

    public static async Task<RuntimeHost> StartAsync(TimeSpan? startTimeout = null, string? root = null)
    {
        var ownsRoot = root is null;
        root ??= Path.Combine(Path.GetTempPath(), "danvan-runtime-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddPluginRuntime(o =>
        {
            o.RootDirectory = Path.Combine(root, "store");
            o.DataDirectory = Path.Combine(root, "data");
            o.ProvinceId = "hung-yen";
            o.StartTimeout = startTimeout ?? TimeSpan.FromSeconds(10);
            o.TrustStorePath = RepoPaths.DevelopmentKeyDirectory;
        });
        var app = builder.Build();
        app.MapGrpcRegistry();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        await app.StartAsync();
        return new RuntimeHost(app, root, ownsRoot);
    }

    public Task<PluginStatus> ActivateAsync(string name, string version) =>
        Manager.ActivateAsync(TestPlugins.Manifest(name, version), TestPlugins.Directory(name, version), new ConfigurationBuilder().Build());

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await Manager.DisposeAsync();
        await _app.DisposeAsync();
        if (_ownsRoot && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
