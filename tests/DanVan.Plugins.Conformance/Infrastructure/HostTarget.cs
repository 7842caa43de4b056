using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;

namespace DanVan.Plugins.Conformance.Infrastructure;

/// <summary>One danvan.host.v1 implementation under test: its address, the runtime's token, and typed clients.</summary>
public sealed class HostTarget : IAsyncDisposable
{
    private readonly Func<ValueTask> _stop;

    public HostTarget(string name, Uri address, string token, Func<ValueTask> stop)
    {
        Name = name;
        Address = address;
        Token = token;
        _stop = stop;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { Credentials = CallCredentials.FromBearerToken(token) });
        Directory = new DirectoryService.DirectoryServiceClient(Channel);
        Documents = new DocumentsService.DocumentsServiceClient(Channel);
        Notifications = new NotificationsService.NotificationsServiceClient(Channel);
    }

    public string Name { get; }

    public Uri Address { get; }

    public string Token { get; }

    public GrpcChannel Channel { get; }

    public DirectoryService.DirectoryServiceClient Directory { get; }

    public DocumentsService.DocumentsServiceClient Documents { get; }

    public NotificationsService.NotificationsServiceClient Notifications { get; }

    /// <summary>A channel to the same host with another token, or none.</summary>
    public GrpcChannel ChannelWithToken(string? token) =>
        GrpcChannel.ForAddress(Address, new GrpcChannelOptions { Credentials = token is null ? null : CallCredentials.FromBearerToken(token) });

    /// <summary>A deadline for one call, generous for a loaded CI machine.</summary>
    public static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _stop();
    }
}
