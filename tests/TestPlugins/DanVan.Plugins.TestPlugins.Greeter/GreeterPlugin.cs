using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.Greeter;

internal sealed class GreeterPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton(new GreetingFormatter(context.Manifest.Version, context.Settings["greetingWord"] ?? "Xin chào"));

        // Scrutor scanning of the plugin's own assembly: every IGreetingDecoration it declares.
        services.Scan(scan => scan.FromAssemblyOf<GreeterPlugin>()
            .AddClasses(classes => classes.AssignableTo<IGreetingDecoration>())
            .AsImplementedInterfaces()
            .WithSingletonLifetime());
    }

    public void Map(IPluginEndpoints endpoints) => endpoints.MapGrpcService<GreeterServiceImpl>();
}
