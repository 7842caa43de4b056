using DanVan.Plugins.Contracts.Host.V1;
using DanVan.Plugins.Data;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Api;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Events;
using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Extraction.Resolution;
using DanVan.Plugins.Tasks.Progress;
using DanVan.Plugins.Tasks.Reminders;
using DanVan.Plugins.Tasks.Review;
using DanVan.Plugins.Tasks.Rollup;
using DanVan.Plugins.Tasks.Storage;
using DanVan.Plugins.Tasks.Tabs;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Tasks;

/// <summary>
/// Entry point of the Tasks plugin ("Theo dõi nhiệm vụ"): the document tab "Nhiệm vụ" (review a
/// directive's draft, confirm it into tasks and assignments), the unit tab "Việc của đơn vị", their
/// badges, pre-extraction on document events, and the tables (migration 1). The host clients
/// (DirectoryService, DocumentsService) come from the runtime for the manifest's permissions; without
/// a host they are absent and the pages say the e-office cannot be reached.
/// </summary>
internal sealed class TasksPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton<DirectiveExtractor>();
        services.AddSingleton<IUnitDirectory>(sp => sp.GetService<DirectoryService.DirectoryServiceClient>() is { } client
            ? new DirectoryServiceUnitDirectory(client)
            : new UnavailableUnitDirectory());
        services.AddSingleton<UnitResolver>();
        services.AddSingleton(new DraftCache());
        services.AddSingleton(sp => new DocumentDrafts(
            sp.GetRequiredService<DirectiveExtractor>(),
            sp.GetRequiredService<UnitResolver>(),
            sp.GetRequiredService<DraftCache>(),
            sp.GetService<DocumentsService.DocumentsServiceClient>()));
        services.AddSingleton<IUnitExpander>(sp => new DirectoryUnitExpander(sp.GetService<DirectoryService.DirectoryServiceClient>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TaskPlanner>();
        services.AddSingleton(TasksOptions.From(context));
        services.AddSingleton<IPluginMigrations, TasksMigrations>();
        services.AddSingleton<TaskStore>();
        services.AddSingleton<RequestIds>();
        services.AddSingleton<ITabBadgeProvider, DocumentTasksBadge>();
        services.AddSingleton<ITabBadgeProvider, UnitTasksBadge>();
        services.AddSingleton<IHostEventHandler, DocumentEventsHandler>();
        services.AddSingleton(sp => new EvidenceValidator(sp.GetService<DocumentsService.DocumentsServiceClient>()));
        services.AddSingleton<ProgressService>();
        services.AddSingleton(sp => new OfficerAccess(sp.GetService<DirectoryService.DirectoryServiceClient>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IOrgTreeSource>(sp => new DirectoryOrgTreeSource(sp.GetService<DirectoryService.DirectoryServiceClient>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AssignmentRollup>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton(sp => new UnitLinks(sp.GetService<DirectoryService.DirectoryServiceClient>()));
        services.AddSingleton<DanVan.Plugins.Jobs.IJobHandler, AssignmentReminderJob>();
        services.AddSingleton<DanVan.Plugins.Jobs.IJobHandler, ReminderSweepJob>();
        services.AddSingleton<PeriodGenerator>();
        services.AddSingleton<DanVan.Plugins.Jobs.IJobHandler, PeriodGenerationJob>();
        services.AddHostedService<ReminderSweepStarter>();
    }

    public void Map(IPluginEndpoints endpoints)
    {
        endpoints.MapTab(DocumentTasksTab.TabId, DocumentTasksTab.HandleAsync);
        endpoints.MapTab(UnitTasksTab.TabId, UnitTasksTab.HandleAsync);
        endpoints.MapTab(ProvinceDashboardTab.TabId, ProvinceDashboardTab.HandleAsync);
        endpoints.MapGrpcService<TasksApiService>();
    }
}
