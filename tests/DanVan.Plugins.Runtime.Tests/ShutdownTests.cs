using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

/// <summary>The runtime stopping with its host while a plugin serves gRPC services.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task HostShutdown_WithAPluginServingGrpc_DisposesWithoutErrors()
    {
        var host = await RuntimeHost.StartAsync();
        await host.Admin.InstallAsync(TestPackages.Pack("greeter", "1.0.0", host.Scratch), "shutdown-test");
        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });
        Assert.Equal("Xin chào An từ 1.0.0!", reply.Message);

        // The manager's disposal drops the plugin's descriptors from the routes after ASP.NET's routing,
        // which listens to them, was disposed: that used to throw ObjectDisposedException out of the host's disposal.
        var error = await Record.ExceptionAsync(host.ShutDownAsTheHostDoesAsync);

        Assert.Null(error);
    }
}
