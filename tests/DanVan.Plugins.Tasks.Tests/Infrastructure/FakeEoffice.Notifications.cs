using System.Collections.Concurrent;
using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Tasks.Tests.Infrastructure;

/// <summary>
/// The stand-in e-office's NotificationsService: it records every call (to see how often the runtime
/// sent a key), delivers each idempotency key once as the contract asks of hosts, and can be taken
/// down (UNAVAILABLE) and brought back. Units carry the e-office's deep link to their page.
/// </summary>
internal sealed partial class FakeEoffice
{
    public const string WebBase = "https://vpdt.hungyen.example/";

    private readonly ConcurrentDictionary<string, string> _notificationIds = new(StringComparer.Ordinal);
    private readonly Lock _notificationLock = new();
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _notificationWaits = [];
    private volatile bool _notificationsDown;

    /// <summary>Notifications delivered (first call of each key), in arrival order.</summary>
    public ConcurrentQueue<SendNotificationRequest> Notifications { get; } = new();

    /// <summary>Every SendNotification call, repeats and refusals included.</summary>
    public ConcurrentQueue<SendNotificationRequest> NotificationCalls { get; } = new();

    /// <summary>Calls refused while down.</summary>
    public int NotificationsRefused => _refused;

    private int _refused;

    /// <summary>While true, SendNotification answers UNAVAILABLE and delivers nothing.</summary>
    public bool NotificationsDown
    {
        get => _notificationsDown;
        set => _notificationsDown = value;
    }

    /// <summary>Completes once <paramref name="done"/> holds (checked now and after every call); fails after <paramref name="timeout"/>.</summary>
    public Task WaitForNotificationsAsync(Func<FakeEoffice, bool> done, TimeSpan timeout)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_notificationLock)
        {
            if (done(this))
            {
                return Task.CompletedTask;
            }

            _notificationWaits.Add((() => done(this), signal));
        }

        return signal.Task.WaitAsync(timeout);
    }

    /// <summary>Completes once <paramref name="count"/> notifications have been delivered.</summary>
    public Task WaitForNotificationsAsync(int count, TimeSpan timeout) =>
        WaitForNotificationsAsync(e => e.Notifications.Count >= count, timeout);

    private static OrgUnit WithDeepLink(OrgUnit unit)
    {
        unit.DeepLink = new DeepLink { Url = WebBase + "don-vi/" + Uri.EscapeDataString(unit.Id), Title = unit.ShortName };
        return unit;
    }

    private void Notify()
    {
        lock (_notificationLock)
        {
            foreach (var wait in _notificationWaits.Where(w => w.Done()).ToList())
            {
                _notificationWaits.Remove(wait);
                wait.Signal.TrySetResult();
            }
        }
    }

    private sealed class Notifications_(FakeEoffice eoffice) : NotificationsService.NotificationsServiceBase
    {
        public override Task<SendNotificationResponse> SendNotification(SendNotificationRequest request, ServerCallContext context)
        {
            CheckToken(context);
            eoffice.NotificationCalls.Enqueue(request);
            try
            {
                if (eoffice.NotificationsDown)
                {
                    Interlocked.Increment(ref eoffice._refused);
                    throw new RpcException(new Status(StatusCode.Unavailable, "Hệ thống đang bảo trì."));
                }

                // A repeated key is the same notification: answered as a duplicate, delivered once.
                var id = "tb-" + request.IdempotencyKey;
                if (!eoffice._notificationIds.TryAdd(request.IdempotencyKey, id))
                {
                    return Task.FromResult(new SendNotificationResponse { NotificationId = id, Duplicate = true });
                }

                eoffice.Notifications.Enqueue(request);
                return Task.FromResult(new SendNotificationResponse { NotificationId = id, RecipientCount = 2 });
            }
            finally
            {
                eoffice.Notify();
            }
        }
    }
}
