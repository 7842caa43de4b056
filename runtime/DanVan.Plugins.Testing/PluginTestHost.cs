using System.Net;
using System.Text.Json;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Tabs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
/// Tab pages: <c>await host.GetTabPageAsync("document-tasks", "u-an", "xa-tan-hung", documentId: "vb-12")</c>.
/// Host events: <c>new EventsService.EventsServiceClient(host.Channel).PublishEventAsync(…)</c>.
/// </summary>
public sealed class PluginTestHost : IAsyncDisposable
{
    private const string Token = "plugin-test-host-token";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;
    private readonly string _root;

    private PluginTestHost(WebApplication app, string root, PluginStatus status, Uri? address)
    {
        _app = app;
        _root = root;
        Status = status;
        Address = address;
        Channel = CreateChannel(Token);
    }

    /// <summary>The name the <see cref="Channel"/>'s token authenticates as: the runtime's default host caller.</summary>
    public const string HostCaller = "eoffice-host";

    /// <summary>A channel to the runtime, authenticated as the e-office host.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The runtime's real h2c address (<c>http://127.0.0.1:port</c>) when started with <see cref="StartOnLoopbackAsync"/>; null in memory.</summary>
    public Uri? Address { get; }

    /// <summary>The runtime's services (e.g. its <see cref="PluginManager"/>).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The plugin's status after loading.</summary>
    public PluginStatus Status { get; }

    /// <summary>
    /// Starts the runtime and loads the plugin from its build output folder (which holds plugin.json);
    /// <paramref name="configure"/> may change runtime options (e.g. <c>HostAddress</c> of a fake e-office);
    /// <paramref name="time"/> replaces the runtime's clock, which plugins share (e.g. a fake one to pass a deadline).
    /// </summary>
    public static Task<PluginTestHost> StartAsync(string pluginDirectory, IReadOnlyDictionary<string, string>? settings = null, Action<PluginRuntimeOptions>? configure = null, TimeProvider? time = null) =>
        StartCoreAsync(pluginDirectory, settings, configure, time, loopback: false);

    /// <summary>
    /// As <see cref="StartAsync"/>, but the runtime listens on a real socket (Kestrel, cleartext HTTP/2 on
    /// 127.0.0.1, a free port, see <see cref="Address"/>), so calls cross HTTP/2 framing and foreign gRPC peers
    /// (python grpcio, grpc-js) can call the plugin.
    /// </summary>
    public static Task<PluginTestHost> StartOnLoopbackAsync(string pluginDirectory, IReadOnlyDictionary<string, string>? settings = null, Action<PluginRuntimeOptions>? configure = null, TimeProvider? time = null) =>
        StartCoreAsync(pluginDirectory, settings, configure, time, loopback: true);

    /// <summary>A channel authenticated with <paramref name="token"/> (a token the test configured in <see cref="PluginRuntimeOptions.CallerTokens"/>, or any other), or with none when null.</summary>
    public GrpcChannel CreateChannel(string? token)
    {
        var credentials = token is null ? null : CallCredentials.FromBearerToken(token);
        if (Address is not null)
        {
            return GrpcChannel.ForAddress(Address, new GrpcChannelOptions { Credentials = credentials });
        }

        var server = _app.GetTestServer();
        return GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler(), Credentials = credentials });
    }

    private static async Task<PluginTestHost> StartCoreAsync(string pluginDirectory, IReadOnlyDictionary<string, string>? settings, Action<PluginRuntimeOptions>? configure, TimeProvider? time, bool loopback)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginDirectory);
        var manifestPath = Path.Combine(pluginDirectory, PluginManifest.FileName);
        var manifest = JsonSerializer.Deserialize<PluginManifest>(await File.ReadAllTextAsync(manifestPath), Json)
            ?? throw new InvalidOperationException($"{manifestPath} holds no manifest.");
        var root = Path.Combine(Path.GetTempPath(), "danvan-plugin-test-" + Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateSlimBuilder();
        if (loopback)
        {
            builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddPluginRuntime(o =>
        {
            o.RootDirectory = Path.Combine(root, "store");
            o.DataDirectory = Path.Combine(root, "data");
            o.CallerTokens[HostCaller] = Token;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapPluginRuntime();
        await app.StartAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(manifest.Settings.Where(s => s.Default is not null).Select(s => new KeyValuePair<string, string?>(s.Name, s.Default)))
            .AddInMemoryCollection((settings ?? new Dictionary<string, string>()).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
            .Build();
        var status = await app.Services.GetRequiredService<PluginManager>().ActivateAsync(manifest, Path.GetFullPath(pluginDirectory), configuration);
        var address = loopback ? new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) : null;
        return new PluginTestHost(app, root, status, address);
    }

    /// <summary>
    /// The path and query of a tab page as the e-office would open it after ListTabs: <c>/tabs/{pluginId}/{tabId}/{relativePath}?dvt=…</c>
    /// with a fresh token for the screen (the role and context checks of ListTabs are not applied here).
    /// </summary>
    public string TabPagePath(string tabId, string userId, string orgUnitId, string? documentId = null, string relativePath = "")
    {
        var pluginId = Status.Id;
        var signer = _app.Services.GetRequiredService<TabTokenSigner>();
        var options = _app.Services.GetRequiredService<PluginRuntimeOptions>();
        var (token, claims) = signer.Issue(pluginId, tabId, userId, orgUnitId, documentId ?? "", options.TabTokenLifetime)
            ?? throw new ArgumentException("The ids are too long for a tab token.");
        return new TabRequest(pluginId, tabId, userId, orgUnitId, documentId, token, claims.ExpiresAt, $"/tabs/{Uri.EscapeDataString(pluginId)}/{Uri.EscapeDataString(tabId)}/").Link(relativePath);
    }

    /// <summary>Requests a tab page (GET) with a fresh token for the screen; see <see cref="TabPagePath"/>.</summary>
    public async Task<HttpResponseMessage> GetTabPageAsync(string tabId, string userId, string orgUnitId, string? documentId = null, string relativePath = "", CancellationToken cancellationToken = default)
    {
        using var client = CreatePageClient();
        return await client.GetAsync(TabPagePath(tabId, userId, orgUnitId, documentId, relativePath), cancellationToken);
    }

    /// <summary>An HttpClient to the in-memory runtime for tab pages (no cookies, no redirects followed).</summary>
    public HttpClient CreatePageClient()
    {
        if (Address is not null)
        {
            // The loopback endpoint speaks HTTP/2 only (h2c with prior knowledge).
            return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            {
                BaseAddress = Address,
                DefaultRequestVersion = HttpVersion.Version20,
                DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
        }

        var server = _app.GetTestServer();
        return new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
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
