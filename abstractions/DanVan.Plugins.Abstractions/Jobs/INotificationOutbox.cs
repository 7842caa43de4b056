using System.Data.Common;
using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Jobs;

/// <summary>
/// Notifications to officers through the e-office (danvan.host.v1 NotificationsService), written to
/// a durable outbox and sent by the runtime: at least once, retried while the host is down, never
/// lost. Each is sent under its <see cref="SendNotificationRequest.IdempotencyKey"/>, which the host
/// uses to deliver a resent notification only once.
/// </summary>
/// <remarks>
/// Requires the <c>notifications:send</c> permission. The runtime sets
/// <see cref="SendNotificationRequest.PluginId"/>. A request the host refuses as invalid
/// (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION) is dead-lettered with the host's reason.
/// </remarks>
public interface INotificationOutbox
{
    /// <summary>
    /// Stores the notification for sending, in its own transaction, and returns its idempotency key
    /// (the request's own when set, otherwise <c>"&lt;plugin id&gt;:&lt;uuid&gt;"</c>). Enqueuing a key that is
    /// already queued or sent adds nothing.
    /// </summary>
    /// <exception cref="ArgumentException">No title, no recipient, or a malformed idempotency key.</exception>
    Task<string> EnqueueAsync(SendNotificationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the notification inside the caller's open transaction on the runtime's database, so it
    /// is sent if and only if the caller's own writes commit (the transactional outbox). The
    /// transaction must come from a connection the runtime's data API opened; nothing is sent before
    /// it commits, and a rollback removes the notification with the caller's writes.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="EnqueueAsync(SendNotificationRequest, CancellationToken)"/>.</exception>
    Task<string> EnqueueAsync(SendNotificationRequest request, DbTransaction transaction, CancellationToken cancellationToken = default);
}
