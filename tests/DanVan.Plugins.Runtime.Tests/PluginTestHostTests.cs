using DanVan.Plugins.Runtime.Tests.Infrastructure;
using DanVan.Plugins.Testing;
using DanVan.Plugins.TestPlugins.Greeter.V1;

namespace DanVan.Plugins.Runtime.Tests;

public sealed class PluginTestHostTests
{
    [Fact]
    public async Task StartAsync_PluginBuildFolder_CallableInThreeLines()
    {
        await using var host = await PluginTestHost.StartAsync(TestPluginBuilds.Directory("greeter", "2.0.0"));
        var client = new GreeterService.GreeterServiceClient(host.Channel);
        var reply = await client.SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal("Xin chào An từ 2.0.0!", reply.Message);
    }

    [Fact]
    public async Task StartAsync_WithSettings_PluginSeesThem()
    {
        await using var host = await PluginTestHost.StartAsync(TestPluginBuilds.Directory("greeter", "1.0.0"), new Dictionary<string, string> { ["greetingWord"] = "Kính chào" });

        var reply = await new GreeterService.GreeterServiceClient(host.Channel).SayHelloAsync(new HelloRequest { Name = "An" });

        Assert.Equal("Kính chào An từ 1.0.0!", reply.Message);
    }

    [Fact]
    public async Task GetTabPageAsync_RendersThePluginsPageForTheScreen()
    {
        await using var host = await PluginTestHost.StartAsync(TestPluginBuilds.Directory("greeter", "1.0.0"));

        using var response = await host.GetTabPageAsync("document-info", "u-an", "xa-tan-hung", documentId: "vb-12", relativePath: "chi-tiet");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<dd data-name=\"Văn bản\">vb-12</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd data-name=\"Trang\">chi-tiet</dd>", html, StringComparison.Ordinal);
    }
}
