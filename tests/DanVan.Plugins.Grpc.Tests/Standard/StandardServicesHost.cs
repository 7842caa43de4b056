using DanVan.Plugins.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Grpc.Tests.Standard;

/// <summary>An in-memory server with health and reflection mapped, and a channel to it.</summary>
internal sealed class StandardServicesHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandardServicesHost(WebApplication app, GrpcChannel channel, HttpMessageHandler handler)
    {
        _app = app;
        Channel = channel;
        Handler = handler;
    }

    public GrpcChannel Channel { get; }

    /// <summary>The in-memory handler, for tests that build their own channel.</summary>
    public HttpMessageHandler Handler { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<StandardServicesHost> StartAsync(Action<GrpcServiceOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc(configure);
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        await app.StartAsync();
        var server = app.GetTestServer();
        var handler = server.CreateHandler();
        var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = handler });
        return new StandardServicesHost(app, channel, handler);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.DisposeAsync();
    }
}
