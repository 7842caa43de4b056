using System.Net;
using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Server;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddEnvironmentVariables("DANVAN_");
var settings = builder.Configuration.GetSection("Runtime").Get<RuntimeServerSettings>() ?? new RuntimeServerSettings();
var address = IPAddress.Parse(settings.Address);
builder.WebHost.ConfigureKestrel(k =>
{
    k.ListenGrpc(new IPEndPoint(address, settings.GrpcPort));
    if (settings.WebPort is { } webPort)
    {
        k.ListenPluginRuntimeWeb(new IPEndPoint(address, webPort));
    }
});
var publicBaseUrl = settings.PublicBaseUrl is { } configuredUrl
    ? new Uri(configuredUrl)
    : new Uri($"http://{(address.Equals(IPAddress.Any) ? "localhost" : settings.Address)}:{settings.WebPort ?? settings.GrpcPort}");
builder.Services.AddPluginRuntime(o =>
{
    o.ProvinceId = settings.ProvinceId;
    o.RootDirectory = Path.GetFullPath(settings.RootDirectory);
    o.DataDirectory = Path.GetFullPath(settings.DataDirectory);
    o.TrustStorePath = settings.TrustStore is null ? null : Path.GetFullPath(settings.TrustStore);
    o.DropDirectory = settings.DropDirectory is null ? null : Path.GetFullPath(settings.DropDirectory);
    o.ProvinceConfigurationPath = settings.ProvinceConfiguration is null ? null : Path.GetFullPath(settings.ProvinceConfiguration);
    o.PublicBaseUrl = publicBaseUrl;
    o.TabTokenKey = settings.TabTokenKey;
    o.TabTokenLifetime = TimeSpan.FromMinutes(settings.TabTokenLifetimeMinutes);
    o.HostAddress = settings.HostAddress is null ? null : new Uri(settings.HostAddress);
    o.HostToken = settings.HostToken;
    foreach (var origin in settings.TabFrameAncestors)
    {
        o.TabFrameAncestors.Add(origin);
    }

    foreach (var (caller, token) in settings.Tokens)
    {
        o.CallerTokens[caller] = token;
    }
});

var app = builder.Build();
app.MapPluginRuntime();
await app.Services.GetRequiredService<PluginAdministration>().RestoreAsync();
await app.StartAsync();
app.Logger.LogInformation("DanVan plugin runtime for province {Province} listening on h2c {Address}:{Port}; tab pages at {TabBase}/tabs/", settings.ProvinceId, settings.Address, settings.GrpcPort, publicBaseUrl.AbsoluteUri.TrimEnd('/'));
await app.WaitForShutdownAsync();
