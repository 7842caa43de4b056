using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace DanVan.Plugins.HostSample;

/// <summary>Where the started host listens (ports are known only after start when configured as 0).</summary>
public sealed class HostEndpoints
{
    internal ListenOptions? Web { get; set; }

    /// <summary>The gRPC (h2c) address, e.g. http://127.0.0.1:5070.</summary>
    public Uri GrpcAddress(IServer server) =>
        Addresses(server).Single(a => a.Port != WebAddress(server).Port);

    /// <summary>The web shell's address.</summary>
    public Uri WebAddress(IServer server) =>
        Addresses(server).Single(a => a.Port == ((System.Net.IPEndPoint)Web!.EndPoint).Port);

    private static IEnumerable<Uri> Addresses(IServer server) =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(a => new Uri(a));
}
