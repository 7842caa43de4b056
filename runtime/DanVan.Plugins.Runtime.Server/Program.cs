using System.Net;
using DanVan.Plugins.Runtime.Administration;
using DanVan.Plugins.Runtime.Server;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddEnvironmentVariables("DANVAN_");
var settings = builder.Configuration.GetSection("Runtime").Get<RuntimeServerSettings>() ?? new RuntimeServerSettings();
builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Parse(settings.Address), settings.GrpcPort)));
builder.Services.AddPluginRuntime(o =>
{
    o.ProvinceId = settings.ProvinceId;
    o.RootDirectory = Path.GetFullPath(settings.RootDirectory);
    o.DataDirectory = Path.GetFullPath(settings.DataDirectory);
    o.Storage.Provider = settings.Storage.Provider;
    o.Storage.ConnectionString = settings.Storage.ConnectionString;
    o.TrustStorePath = settings.TrustStore is null ? null : Path.GetFullPath(settings.TrustStore);
    o.DropDirectory = settings.DropDirectory is null ? null : Path.GetFullPath(settings.DropDirectory);
    o.ProvinceConfigurationPath = settings.ProvinceConfiguration is null ? null : Path.GetFullPath(settings.ProvinceConfiguration);
    foreach (var (caller, token) in settings.Tokens)
    {
        o.CallerTokens[caller] = token;
    }
});

var app = builder.Build();
app.MapPluginRuntime();
await app.Services.GetRequiredService<PluginAdministration>().RestoreAsync();
await app.StartAsync();
app.Logger.LogInformation("DanVan plugin runtime for province {Province} listening on h2c {Address}:{Port}", settings.ProvinceId, settings.Address, settings.GrpcPort);
await app.WaitForShutdownAsync();
