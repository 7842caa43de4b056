using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.HostSample.Tests;

/// <summary>The sample host on real Kestrel (free ports), a fixed clock, and clients with the runtime's token.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    public const string Token = "host-sample-tests-token";

    private readonly WebApplication _app;

    private RunningHost(WebApplication app, string dataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        var server = app.Services.GetRequiredService<IServer>();
        var endpoints = app.Services.GetRequiredService<HostEndpoints>();
        GrpcAddress = endpoints.GrpcAddress(server);
        WebAddress = endpoints.WebAddress(server);
        Channel = GrpcChannel.ForAddress(GrpcAddress, new GrpcChannelOptions { Credentials = CallCredentials.FromBearerToken(Token) });
        Directory = new DirectoryService.DirectoryServiceClient(Channel);
        Documents = new DocumentsService.DocumentsServiceClient(Channel);
        Notifications = new NotificationsService.NotificationsServiceClient(Channel);
    }

    public string DataDirectory { get; }

    public Uri GrpcAddress { get; }

    public Uri WebAddress { get; }

    public GrpcChannel Channel { get; }

    public DirectoryService.DirectoryServiceClient Directory { get; }

    public DocumentsService.DocumentsServiceClient Documents { get; }

    public NotificationsService.NotificationsServiceClient Notifications { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningHost> StartAsync(string? dataDirectory = null, bool configureToken = true)
    {
        dataDirectory ??= System.IO.Directory.CreateTempSubdirectory("danvan-host-sample-tests-").FullName;
        string[] args = ["--grpc-port", "0", "--web-port", "0", "--data", dataDirectory, .. configureToken ? new[] { "--HostSample:Tokens:runtime", Token } : []];
        var app = HostSampleApp.Build(args, builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(FixedTimeProvider.Default));
        });
        await app.StartAsync();
        return new RunningHost(app, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
