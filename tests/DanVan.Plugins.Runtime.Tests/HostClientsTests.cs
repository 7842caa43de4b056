using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.Runtime.Management;
using DanVan.Plugins.Runtime.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class HostClientsTests
{
    [Fact]
    public async Task Plugin_WithDirectoryPermission_GetsAWorkingDirectoryClientAndNoOther()
    {
        await using var eoffice = await FakeHost.StartAsync();
        await using var host = await RuntimeHost.StartAsync(configure: o =>
        {
            o.HostAddress = new Uri("http://eoffice.test");
            o.HostToken = "runtime-to-host-token";
            o.HostHttpHandler = eoffice.Handler;
        });
        var manifest = TestPluginBuilds.Manifest("greeter", "1.0.0");
        var withPermission = new PluginManifest
        {
            Id = manifest.Id, Version = manifest.Version, DisplayName = manifest.DisplayName, Publisher = manifest.Publisher,
            EntryAssembly = manifest.EntryAssembly, EntryType = manifest.EntryType, AbstractionsVersion = manifest.AbstractionsVersion,
            Services = manifest.Services, Tabs = manifest.Tabs, Settings = manifest.Settings, Permissions = ["directory:read"],
        };
        await host.Manager.ActivateAsync(withPermission, TestPluginBuilds.Directory("greeter", "1.0.0"), new ConfigurationBuilder().Build());
        var pluginServices = host.Services.GetRequiredService<PluginManager>().ActiveServices("danvan.testplugins.greeter")!;

        var directory = pluginServices.GetService<DirectoryService.DirectoryServiceClient>();
        var notifications = pluginServices.GetService<NotificationsService.NotificationsServiceClient>();
        var unit = await directory!.GetOrgUnitAsync(new GetOrgUnitRequest { OrgUnitId = "xa-tan-hung" });

        Assert.Null(notifications);
        Assert.Equal("xa-tan-hung", unit.OrgUnit.Id);
        Assert.Equal("Bearer runtime-to-host-token", eoffice.LastAuthorization);
    }

    /// <summary>A stand-in e-office serving one directory rpc, recording the credentials it was called with.</summary>
    private sealed class FakeHost : DirectoryService.DirectoryServiceBase, IAsyncDisposable
    {
        private WebApplication? _app;

        public HttpMessageHandler Handler { get; private set; } = null!;

        public string? LastAuthorization { get; private set; }

        public static async Task<FakeHost> StartAsync()
        {
            var host = new FakeHost();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            builder.Services.AddGrpc();
            builder.Services.AddSingleton(host);
            host._app = builder.Build();
            host._app.MapGrpcService<FakeHost>();
            await host._app.StartAsync();
            host.Handler = host._app.GetTestServer().CreateHandler();
            return host;
        }

        public override Task<GetOrgUnitResponse> GetOrgUnit(GetOrgUnitRequest request, ServerCallContext context)
        {
            LastAuthorization = context.RequestHeaders.GetValue("authorization");
            return Task.FromResult(new GetOrgUnitResponse { OrgUnit = new OrgUnit { Id = request.OrgUnitId } });
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
