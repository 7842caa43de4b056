using DanVan.Plugins.Contracts.Host.V1;

namespace DanVan.Plugins.Storage.Jobs;

/// <summary>A queued notification a dispatcher holds the lease on.</summary>
internal sealed record OutboxMessage(long Id, string IdempotencyKey, SendNotificationRequest Request, int Attempts);
