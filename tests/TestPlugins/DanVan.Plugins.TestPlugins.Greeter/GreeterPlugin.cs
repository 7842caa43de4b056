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

        // Badges: the counting provider first, then one that fails on purpose for some units.
        services.AddSingleton<ITabBadgeProvider, CountingBadgeProvider>();
        services.AddSingleton<ITabBadgeProvider, UnreliableBadgeProvider>();

        // Host events: a handler that fails on purpose first, then the one that records.
        services.AddSingleton<ReceivedEvents>();
        services.AddSingleton<IHostEventHandler, FailingEventHandler>();
        services.AddSingleton<IHostEventHandler, RecordingEventHandler>();
    }

    public void Map(IPluginEndpoints endpoints)
    {
        endpoints.MapGrpcService<GreeterServiceImpl>();
        foreach (var tabId in new[] { "document-info", "unit-overview", "leader-report", "province-ranking" })
        {
            endpoints.MapTab(tabId, ContextPage.RenderAsync);
        }
    }
}
