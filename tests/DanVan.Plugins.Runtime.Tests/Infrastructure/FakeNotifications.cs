using System.Collections.Concurrent;
using System.Net;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Tests.Infrastructure;

/// <summary>A stand-in e-office NotificationsService on a real h2c port, recording what the runtime's outbox sends.</summary>
internal sealed class FakeNotifications : NotificationsService.NotificationsServiceBase, IAsyncDisposable
{
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<SendNotificationRequest> Received { get; } = new();

    public TaskCompletionSource<SendNotificationRequest> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeNotifications> StartAsync()
    {
        var host = new FakeNotifications();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, 0)));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(host);
        host._app = builder.Build();
        host._app.MapGrpcService<FakeNotifications>();
        await host._app.StartAsync();
        host.Address = new Uri(host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return host;
    }

    public override Task<SendNotificationResponse> SendNotification(SendNotificationRequest request, ServerCallContext context)
    {
        Received.Enqueue(request);
        First.TrySetResult(request);
        return Task.FromResult(new SendNotificationResponse { NotificationId = "tb-" + Received.Count });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
