using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Hosting;

/// <summary>
/// The deployable runtime process, as a builder: Kestrel endpoints and the runtime's services
/// from the "Runtime" configuration section. The runtime server's Program and the sample
/// e-office's one-command demo both start it this way.
/// </summary>
public static class PluginRuntimeServer
{
    /// <summary>Builds the runtime application; <paramref name="configure"/> may add configuration or services before the settings are read.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("DANVAN_");
        configure?.Invoke(builder);
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
        builder.Services.AddSingleton(settings);
        builder.Services.AddPluginRuntime(o =>
        {
            o.ProvinceId = settings.ProvinceId;
            o.RootDirectory = Path.GetFullPath(settings.RootDirectory);
            o.DataDirectory = Path.GetFullPath(settings.DataDirectory);
            o.Storage.Provider = settings.Storage.Provider;
            o.Storage.ConnectionString = settings.Storage.ConnectionString;
            o.TrustStorePath = FullPathOrNull(settings.TrustStore);
            o.DropDirectory = FullPathOrNull(settings.DropDirectory);
            o.ProvinceConfigurationPath = FullPathOrNull(settings.ProvinceConfiguration);
            o.PublicBaseUrl = publicBaseUrl;
            o.TabTokenKey = settings.TabTokenKey;
            o.TabTokenLifetime = TimeSpan.FromMinutes(settings.TabTokenLifetimeMinutes);
            o.HostAddress = string.IsNullOrWhiteSpace(settings.HostAddress) ? null : new Uri(settings.HostAddress);
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
        return app;
    }

    // An environment variable set to "" turns a setting off, as null in the file does.
    private static string? FullPathOrNull(string? path) => string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);

    /// <summary>Applies province.json, re-activates the plugins that were serving before the last stop, then starts listening.</summary>
    public static async Task StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await RuntimeStartup.RunAsync(app.Services, cancellationToken);
        await app.StartAsync(cancellationToken);
        var settings = app.Services.GetRequiredService<RuntimeServerSettings>();
        var options = app.Services.GetRequiredService<PluginRuntimeOptions>();
        app.Logger.LogInformation(
            "DanVan plugin runtime for province {Province} listening on h2c {Address}:{Port}; tab pages at {TabBase}/tabs/",
            settings.ProvinceId, settings.Address, settings.GrpcPort, options.PublicBaseUrl?.AbsoluteUri.TrimEnd('/'));
    }
}
