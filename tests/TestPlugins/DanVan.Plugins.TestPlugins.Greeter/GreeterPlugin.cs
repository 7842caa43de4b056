using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.Greeter;

internal sealed class GreeterPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddSingleton(new GreetingFormatter(context.Manifest.Version, context.Settings["greetingWord"] ?? "Xin chào"));

    public void Map(IPluginEndpoints endpoints) => endpoints.MapGrpcService<GreeterServiceImpl>();
}
