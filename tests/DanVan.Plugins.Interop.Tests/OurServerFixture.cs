using System.Net;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Health;
using DanVan.Plugins.Interop.Tests.Infrastructure;
using DanVan.Plugins.Interop.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace DanVan.Plugins.Interop.Tests;

/// <summary>
/// Our gRPC server on real Kestrel, h2c on 127.0.0.1 with a free port: InteropService
/// (16 MiB message limits, like the peers), grpc.health.v1 and reflection v1 + v1alpha.
/// </summary>
public class OurServerFixture : IAsyncLifetime
{
    public const int MaxMessageSize = 16 * 1024 * 1024;
    private readonly CapturingLoggerProvider _log = new();
    private WebApplication? _app;

    public int Port { get; private set; }

    /// <summary>host:port, as the peer clients take it.</summary>
    public string Target => $"127.0.0.1:{Port}";

    /// <summary>The server's warnings and errors so far.</summary>
    public string ServerLog => _log.Text;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_log);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0));
            ConfigureKestrel(kestrel);
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = MaxMessageSize;
            options.MaxSendMessageSize = MaxMessageSize;
        });
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();

        var app = builder.Build();
        app.MapGrpcService<InteropServiceImpl>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.Services.GetRequiredService<HealthServiceImpl>().SetStatus(InteropService.ServiceName, ServingStatus.Serving);
        await app.StartAsync();
        _app = app;

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel exposes no IServerAddressesFeature.");
        var address = addresses.Single();
        Port = new Uri(address).Port;
        if (Port == 0)
        {
            throw new InvalidOperationException($"Kestrel reported no bound port: {address}");
        }
    }

    /// <summary>Lets a derived fixture change Kestrel's limits; the default keeps Kestrel's defaults.</summary>
    protected virtual void ConfigureKestrel(KestrelServerOptions kestrel)
    {
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
