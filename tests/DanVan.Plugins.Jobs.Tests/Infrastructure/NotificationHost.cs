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

namespace DanVan.Plugins.Jobs.Tests.Infrastructure;

/// <summary>
/// A stand-in e-office: a real h2c Kestrel server with NotificationsService on 127.0.0.1, which
/// can be stopped and started again on the same port. Its state outlives restarts, as a real
/// host's database would.
/// </summary>
public sealed class NotificationHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private NotificationHost(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public static async Task<NotificationHost> StartAsync(State state, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenGrpc(new IPEndPoint(IPAddress.Loopback, port)));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.MapGrpcService<Service>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new NotificationHost(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>What the host received and delivered, deduplicated by idempotency key as the contract requires.</summary>
    public sealed class State
    {
        public ConcurrentQueue<SendNotificationRequest> Received { get; } = new();

        /// <summary>Idempotency key → notification id, once per key: what officers actually got.</summary>
        public ConcurrentDictionary<string, string> Delivered { get; } = new();

        /// <summary>Answer UNAVAILABLE after delivering the first call of each key, as if the answer were lost on the way back.</summary>
        public bool LoseFirstAnswer { get; set; }

        public ConcurrentDictionary<string, bool> LostAnswers { get; } = new();

        /// <summary>Awaited before each answer: holds a call in flight for as long as a test needs.</summary>
        public Func<Task>? BeforeAnswer { get; set; }

        /// <summary>Completes with the key of the first notification delivered.</summary>
        public TaskCompletionSource<string> FirstDelivery { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Service(State state) : NotificationsService.NotificationsServiceBase
    {
        public override async Task<SendNotificationResponse> SendNotification(SendNotificationRequest request, ServerCallContext context)
        {
            state.Received.Enqueue(request);
            if (state.BeforeAnswer is { } hold)
            {
                await hold();
            }

            if (request.Title.StartsWith("SAI", StringComparison.Ordinal))
            {
                throw new RpcException(new Status(StatusCode.NotFound, $"Không tìm thấy người dùng {request.UserIds[0]}"));
            }

            var id = "tb-" + Guid.NewGuid().ToString("N")[..8];
            var duplicate = !state.Delivered.TryAdd(request.IdempotencyKey, id);
            if (!duplicate)
            {
                state.FirstDelivery.TrySetResult(request.IdempotencyKey);
            }

            if (state.LoseFirstAnswer && state.LostAnswers.TryAdd(request.IdempotencyKey, true))
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "connection reset before the answer"));
            }

            return new SendNotificationResponse
            {
                NotificationId = state.Delivered[request.IdempotencyKey],
                Duplicate = duplicate,
                RecipientCount = request.UserIds.Count,
            };
        }
    }
}
