using DanVan.Plugins.Grpc;
using DanVan.Plugins.Grpc.Security;

namespace DanVan.Plugins.Runtime;

/// <summary>The check every host-facing runtime service (tabs, events) makes: the caller authenticated as one of <see cref="PluginRuntimeOptions.HostCallers"/>.</summary>
internal static class HostCallers
{
    public static string Require(ServerCallContext context, PluginRuntimeOptions options)
    {
        var caller = BearerTokenAuthInterceptor.GetCaller(context)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "This service needs the e-office host's bearer token."));
        return options.HostCallers.Contains(caller)
            ? caller
            : throw new RpcException(new Status(StatusCode.PermissionDenied, $"'{caller}' is not an e-office host caller; only {string.Join(", ", options.HostCallers)} may call this service."));
    }
}
