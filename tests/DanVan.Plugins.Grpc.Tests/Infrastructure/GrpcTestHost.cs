using System.Net;
using DanVan.Plugins.Interop.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Grpc.Tests.Infrastructure;

/// <summary>
/// An in-memory server (WebApplication slim builder on TestServer) hosting <see cref="TestInteropService"/>,
/// with typed clients and a raw HTTP/2 client over <see cref="TestServer.CreateHandler()"/>.
/// </summary>
public sealed class GrpcTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<IDisposable> _owned = [];

    private GrpcTestHost(WebApplication app, InteropState state)
    {
        _app = app;
        State = state;
        Server = app.GetTestServer();
    }

    public InteropState State { get; }

    public TestServer Server { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GrpcTestHost> StartAsync(Action<GrpcServiceOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var state = new InteropState();
        builder.Services.AddSingleton(state);
        builder.Services.AddGrpc(configure);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGrpcService<TestInteropService>();
        await app.StartAsync();
        return new GrpcTestHost(app, state);
    }

    /// <summary>A channel over the in-memory handler; disposed with the host.</summary>
    public GrpcChannel CreateChannel(Action<GrpcChannelOptions>? configure = null)
    {
        var options = new GrpcChannelOptions { HttpHandler = Server.CreateHandler(), DisposeHttpHandler = true };
        configure?.Invoke(options);
        var channel = GrpcChannel.ForAddress(Server.BaseAddress, options);
        _owned.Add(channel);
        return channel;
    }

    public InteropService.InteropServiceClient CreateClient(Action<GrpcChannelOptions>? configure = null) => new(CreateChannel(configure));

    /// <summary>An HttpClient for hand-made requests (HTTP/2, exact version).</summary>
    public HttpClient CreateRawClient()
    {
        var client = new HttpClient(Server.CreateHandler())
        {
            BaseAddress = Server.BaseAddress,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _owned.Add(client);
        return client;
    }

    /// <summary>Proves the server still serves: one ordinary Echo call.</summary>
    public async Task AssertServesAsync()
    {
        var client = CreateClient();
        var reply = await client.EchoAsync(new EchoRequest { Message = "still serving" });
        Assert.Equal("still serving", reply.Message);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
