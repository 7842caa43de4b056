using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// The typed danvan.host.v1 clients the runtime offers plugins, each only to a plugin whose
/// manifest asks for its permission: <c>directory:read</c>, <c>documents:read</c>,
/// <c>notifications:send</c>. A plugin that did not ask cannot resolve the client at all.
/// </summary>
internal static class HostClients
{
    public const string DirectoryRead = "directory:read";
    public const string DocumentsRead = "documents:read";
    public const string NotificationsSend = "notifications:send";

    public static PluginSharedService Share(GrpcChannel channel) => new((services, _, manifest) =>
    {
        if (manifest.Permissions.Contains(DirectoryRead, StringComparer.Ordinal))
        {
            services.AddSingleton(new DirectoryService.DirectoryServiceClient(channel));
        }

        if (manifest.Permissions.Contains(DocumentsRead, StringComparer.Ordinal))
        {
            services.AddSingleton(new DocumentsService.DocumentsServiceClient(channel));
        }

        if (manifest.Permissions.Contains(NotificationsSend, StringComparer.Ordinal))
        {
            services.AddSingleton(new NotificationsService.NotificationsServiceClient(channel));
        }
    });

    /// <param name="retryIdempotent">Retry rpcs the contract marks idempotent; off for callers that do their own backoff (the outbox).</param>
    public static GrpcChannel CreateChannel(PluginRuntimeOptions options, bool retryIdempotent = true) =>
        GrpcChannel.ForAddress(options.HostAddress!, new GrpcChannelOptions
        {
            HttpHandler = options.HostHttpHandler,
            Credentials = options.HostToken is null ? null : CallCredentials.FromBearerToken(options.HostToken),
            RetryPolicy = retryIdempotent ? new RetryPolicy() : null,
        });
}
