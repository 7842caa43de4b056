using System.Net;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Health;
using DanVan.Plugins.Grpc.Security;
using DanVan.Plugins.HostSample.Data;
using DanVan.Plugins.HostSample.Services;
using DanVan.Plugins.HostSample.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DanVan.Plugins.HostSample;

/// <summary>Builds the sample e-office: danvan.host.v1 on an h2c port, the web shell on another.</summary>
public static class HostSampleApp
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--address"] = "HostSample:Address",
        ["--grpc-port"] = "HostSample:GrpcPort",
        ["--web-port"] = "HostSample:WebPort",
        ["--data"] = "HostSample:DataDirectory",
        ["--public-web-url"] = "HostSample:PublicWebUrl",
    };

    /// <summary>The configured (not yet started) application; <paramref name="configure"/> may replace services (e.g. TimeProvider in tests).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("DANVAN_");
        builder.Configuration.AddCommandLine(args, Switches);
        configure?.Invoke(builder);
        var options = builder.Configuration.GetSection("HostSample").Get<HostSampleOptions>() ?? new HostSampleOptions();
        var address = IPAddress.Parse(options.Address);
        var endpoints = new HostEndpoints();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.ListenGrpc(new IPEndPoint(address, options.GrpcPort));
            k.Listen(new IPEndPoint(address, options.WebPort), listen =>
            {
                // Browsers speak HTTP/2 only over TLS; on cleartext the shell is HTTP/1.1.
                listen.Protocols = HttpProtocols.Http1;
                endpoints.Web = listen;
            });
        });

        var tokens = new BearerTokenOptions();
        foreach (var (caller, token) in options.Tokens.Count > 0 ? options.Tokens : new() { ["runtime"] = HostSampleOptions.DevelopmentToken })
        {
            tokens.Tokens[caller] = token;
        }

        // The web shell reads the host's data through the host's own contract, like any client, with
        // a credential made fresh at each start that only this process knows.
        var shellToken = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        tokens.Tokens["web-shell"] = shellToken;
        builder.Services.AddEOfficeShell(_ => { });
        builder.Services.AddOptions<DanVan.Plugins.HostSample.Shell.ShellOptions>().Configure<IServer>((shell, server) =>
        {
            shell.HostAddress ??= endpoints.GrpcAddress(server);
            shell.HostToken ??= shellToken;
            shell.RuntimeAddress ??= options.RuntimeAddress is { Length: > 0 } runtime ? new Uri(runtime) : null;
            shell.RuntimeToken ??= options.RuntimeToken;
        });
        builder.Services.AddSingleton<DanVan.Plugins.HostSample.Events.RuntimeEventPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DanVan.Plugins.HostSample.Events.RuntimeEventPublisher>());
        builder.Services.AddSingleton(endpoints);
        builder.Services.AddSingleton(options);
        // Resolved on first use, after start, so a web port of 0 is known by then.
        builder.Services.AddSingleton(sp => new HostLinks(options.PublicWebUrl is { } url
            ? new Uri(url.TrimEnd('/') + "/")
            : Browsable(endpoints.WebAddress(sp.GetRequiredService<IServer>()))));
        builder.Services.AddSingleton(sp => new HostStore(sp.GetRequiredService<HostLinks>(), sp.GetRequiredService<TimeProvider>().GetUtcNow()));
        builder.Services.AddSingleton(new NotificationStore(options.DataDirectory is null ? null : Path.GetFullPath(options.DataDirectory, Environment.CurrentDirectory)));
        builder.Services.AddSingleton<DanVan.Plugins.HostSample.Shell.Inbox.IShellInbox, NotificationInbox>();
        builder.Services.AddSingleton<OrgUnitResolver>();
        builder.Services.AddSingleton<DocumentAccess>();
        builder.Services.AddSingleton<DirectoryServiceImpl>();
        builder.Services.AddSingleton<DocumentsServiceImpl>();
        builder.Services.AddSingleton<NotificationsServiceImpl>();
        builder.Services.AddGrpc(o => o.Interceptors.Add(new BearerTokenAuthInterceptor(tokens)));
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();

        var app = builder.Build();
        app.MapGrpcService<DirectoryServiceImpl>();
        app.MapGrpcService<DocumentsServiceImpl>();
        app.MapGrpcService<NotificationsServiceImpl>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapWebShell();
        var health = app.Services.GetRequiredService<HealthServiceImpl>();
        foreach (var service in new[] { DirectoryService.ServiceName, DocumentsService.ServiceName, NotificationsService.ServiceName })
        {
            health.SetStatus(service, global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
        }

        return app;
    }

    /// <summary>A wildcard listen address (0.0.0.0, [::]) is no place to send a browser: links then use localhost.</summary>
    private static Uri Browsable(Uri address) =>
        address.Host is "0.0.0.0" or "[::]" ? new UriBuilder(address) { Host = "localhost" }.Uri : address;
}
