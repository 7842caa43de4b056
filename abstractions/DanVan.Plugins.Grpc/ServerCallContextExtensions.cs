using DanVan.Plugins.Grpc.Server;
using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins.Grpc;

/// <summary>Reaches the HTTP request behind a server call, as grpc-dotnet's <c>GetHttpContext()</c> does.</summary>
public static class ServerCallContextExtensions
{
    /// <summary>The HttpContext of the call (connection, client certificate, raw headers).</summary>
    public static HttpContext GetHttpContext(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context is HttpServerCallContext http
            ? http.HttpContext
            : throw new InvalidOperationException("This call context does not come from the gRPC server.");
    }
}
