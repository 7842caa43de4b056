using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Grpc;
using Microsoft.Extensions.Options;

namespace DanVan.Plugins.HostSample.Shell;

/// <summary>The shell's typed clients: the host's own contract for data, the runtime's for tabs.</summary>
internal sealed class ShellClients : IDisposable
{
    private readonly GrpcChannel _host;
    private readonly GrpcChannel _runtime;

    public ShellClients(IOptions<ShellOptions> options)
    {
        var o = options.Value;
        _host = GrpcChannel.ForAddress(o.HostAddress ?? throw new InvalidOperationException("Shell: HostAddress is not set."), new GrpcChannelOptions
        {
            HttpHandler = o.HttpHandler,
            Credentials = o.HostToken is null ? null : CallCredentials.FromBearerToken(o.HostToken),
            RetryPolicy = new RetryPolicy(),
        });
        _runtime = GrpcChannel.ForAddress(o.RuntimeAddress ?? throw new InvalidOperationException("Shell: RuntimeAddress is not set."), new GrpcChannelOptions
        {
            HttpHandler = o.HttpHandler,
            Credentials = o.RuntimeToken is null ? null : CallCredentials.FromBearerToken(o.RuntimeToken),
        });
        Directory = new DirectoryService.DirectoryServiceClient(_host);
        Documents = new DocumentsService.DocumentsServiceClient(_host);
        Tabs = new TabsService.TabsServiceClient(_runtime);
    }

    public DirectoryService.DirectoryServiceClient Directory { get; }

    public DocumentsService.DocumentsServiceClient Documents { get; }

    public TabsService.TabsServiceClient Tabs { get; }

    public void Dispose()
    {
        _host.Dispose();
        _runtime.Dispose();
    }
}
