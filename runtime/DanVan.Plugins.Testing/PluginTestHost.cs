using System.Text.Json;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Management;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Testing;

/// <summary>
/// Loads a built plugin into the real runtime, in memory, for a test:
/// <code>
/// await using var host = await PluginTestHost.StartAsync("path/to/plugin/bin/Debug/net10.0");
/// var client = new TasksService.TasksServiceClient(host.Channel);
/// var reply = await client.ListTasksAsync(new ListTasksRequest());
/// </code>
/// The plugin runs in its own collectible context exactly as in production, called over HTTP/2.
/// </summary>
public sealed class PluginTestHost : IAsyncDisposable
{
    private const string Token = "plugin-test-host-token";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;
    private readonly string _root;

    private PluginTestHost(WebApplication app, string root, PluginStatus status)
    {
        _app = app;
        _root = root;
        Status = status;
        var server = app.GetTestServer();
        Channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = server.CreateHandler(),
            Credentials = CallCredentials.FromBearerToken(Token),
        });
    }

    /// <summary>A channel to the runtime, authenticated as the e-office host.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The runtime's services (e.g. its <see cref="PluginManager"/>).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The plugin's status after loading.</summary>
    public PluginStatus Status { get; }

    /// <summary>Starts the runtime and loads the plugin from its build output folder (which holds plugin.json).</summary>
    public static async Task<PluginTestHost> StartAsync(string pluginDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginDirectory);
        var manifestPath = Path.Combine(pluginDirectory, PluginManifest.FileName);
        var manifest = JsonSerializer.Deserialize<PluginManifest>(await File.ReadAllTextAsync(manifestPath), Json)
            ?? throw new InvalidOperationException($"{manifestPath} holds no manifest.");
        var root = Path.Combine(Path.GetTempPath(), "danvan-plugin-test-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddPluginRuntime(o =>
        {
            o.RootDirectory = Path.Combine(root, "store");
            o.DataDirectory = Path.Combine(root, "data");
            o.CallerTokens["eoffice-host"] = Token;
        });
        var app = builder.Build();
        app.MapPluginRuntime();
        await app.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(manifest.Settings.Where(s => s.Default is not null).Select(s => new KeyValuePair<string, string?>(s.Name, s.Default)))
            .AddInMemoryCollection((settings ?? new Dictionary<string, string>()).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
            .Build();
        var status = await app.Services.GetRequiredService<PluginManager>().ActivateAsync(manifest, Path.GetFullPath(pluginDirectory), configuration);
        return new PluginTestHost(app, root, status);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.Services.GetRequiredService<PluginManager>().DisposeAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
