using DanVan.Plugins.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.Reminder;

internal sealed class ReminderPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton<IHostEventHandler, ScheduleOnIssue>();
        services.AddSingleton<IJobHandler, RemindJob>();
    }

    public void Map(IPluginEndpoints endpoints)
    {
    }
}
