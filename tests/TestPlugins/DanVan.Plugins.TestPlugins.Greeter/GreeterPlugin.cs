using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

        // Settings read as IOptions<GreeterOptions>: bound by a setup class, the options services come from the runtime.
        services.AddSingleton<IConfigureOptions<GreeterOptions>, GreeterOptionsSetup>();

        // Disposable singletons that note their disposal in the data folder when the version unloads.
        services.AddSingleton(new DisposalLog(Path.Combine(context.DataDirectory, DisposalLog.FileName)));
        services.AddSingleton<GreetingTally>();
        services.AddSingleton<GreetingJournal>();

        // Badges: the counting provider first, then one that fails on purpose for some units.
        services.AddSingleton<ITabBadgeProvider, CountingBadgeProvider>();
        services.AddSingleton<ITabBadgeProvider, UnreliableBadgeProvider>();

        // ProvinceRankingBadge is not registered here: the runtime's scan of this assembly adds it.

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
