using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Microsoft.AspNetCore.Hosting;

/// <summary>Kestrel endpoints of the plugin runtime beside its gRPC (h2c) endpoint.</summary>
public static class PluginRuntimeKestrelExtensions
{
    /// <summary>
    /// Listens for browsers (tab pages at <c>/tabs/…</c>): HTTP/1.1 and HTTP/2. Without TLS browsers speak
    /// HTTP/1.1 here (Kestrel negotiates HTTP/2 only through TLS ALPN); pass <paramref name="configure"/> to add
    /// <c>UseHttps</c>. gRPC keeps its own HTTP/2-only endpoint (<c>ListenGrpc</c>).
    /// </summary>
    public static void ListenPluginRuntimeWeb(this KestrelServerOptions options, IPEndPoint endpoint, Action<ListenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoint);
        options.Listen(endpoint, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            configure?.Invoke(listen);
        });
    }
}
