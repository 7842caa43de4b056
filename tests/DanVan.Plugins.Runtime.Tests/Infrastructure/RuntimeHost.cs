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
        Handler = server.CreateHandler();
        Channel = ChannelWith(HostToken);
        AdminChannel = ChannelWith(AdminToken);
        Manager = app.Services.GetRequiredService<PluginManager>();
        Admin = app.Services.GetRequiredService<PluginAdministration>();
    }

    public PluginAdministration Admin { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A folder for test packages, removed with the host.</summary>
    public string Scratch => Path.Combine(_root, "scratch");

    public const string HostToken = "host-token-6b1c0c8f2f0f4a7e9d2b3c4d5e6f7a8b";
    public const string AdminToken = "admin-token-0f9e8d7c6b5a49382716a5b4c3d2e1f0";

    /// <summary>A channel authenticated as the e-office host.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>A channel authenticated as provincial IT.</summary>
    public GrpcChannel AdminChannel { get; }

    /// <summary>The in-memory handler, for channels with other credentials.</summary>
    public HttpMessageHandler Handler { get; }

    public GrpcChannel ChannelWith(string? token) =>
        GrpcChannel.ForAddress(_app.GetTestServer().BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = Handler,
            Credentials = token is null ? null : CallCredentials.FromBearerToken(token),
        });

    public PluginManager Manager { get; }

    /// <summary>An HttpClient to the in-memory server, for tab pages (never follows redirects, keeps no cookies).</summary>
    public HttpClient CreatePageClient() =>
        new(Handler, disposeHandler: false) { BaseAddress = _app.GetTestServer().BaseAddress };

    /// <summary>Starts the runtime; <paramref name="startUp"/> first runs what the runtime server does before it listens (province.json, then restoring the plugins that served before).</summary>
    public static async Task<RuntimeHost> StartAsync(TimeSpan? startTimeout = null, string? root = null, Action<PluginRuntimeOptions>? configure = null, Action<IServiceCollection>? services = null, bool startUp = false)
    {
        var ownsRoot = root is null;
        root ??= Path.Combine(Path.GetTempPath(), "danvan-runtime-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        services?.Invoke(builder.Services);
        builder.Services.AddPluginRuntime(o =>
        {
            o.RootDirectory = Path.Combine(root, "store");
            o.DataDirectory = Path.Combine(root, "data");
            o.ProvinceId = "hung-yen";
            o.StartTimeout = startTimeout ?? TimeSpan.FromSeconds(10);
            o.TrustStorePath = RepoPaths.DevelopmentKeyDirectory;
            o.CallerTokens["eoffice-host"] = HostToken;
            o.CallerTokens["provincial-admin"] = AdminToken;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapPluginRuntime();
        if (startUp)
        {
            await Hosting.RuntimeStartup.RunAsync(app.Services, CancellationToken.None);
        }

        await app.StartAsync();
        return new RuntimeHost(app, root, ownsRoot);
    }

    public Task<PluginStatus> ActivateAsync(string name, string version) =>
        Manager.ActivateAsync(TestPluginBuilds.Manifest(name, version), TestPluginBuilds.Directory(name, version), new ConfigurationBuilder().Build());

    /// <summary>
    /// Stops and disposes the application as a host process does at shutdown, leaving the plugin manager to
    /// the application's service provider (DisposeAsync disposes the manager first instead).
    /// </summary>
    public async Task ShutDownAsTheHostDoesAsync()
    {
        Channel.Dispose();
        AdminChannel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsRoot && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        AdminChannel.Dispose();
        await Manager.DisposeAsync();
        await _app.DisposeAsync();
        if (_ownsRoot && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
