using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// Loads one plugin version from its folder: checks compatibility from the manifest, creates its
/// context, builds its own service container over the runtime's shared services, lets it map its
/// endpoints and starts its hosted services — each step bounded by a timeout, so a plugin that
/// throws or hangs is refused with a reason instead of taking the runtime down.
/// </summary>
internal sealed class PluginLoader(IServiceProvider runtimeServices, PluginRuntimeOptions options)
{
    public async Task<LoadedPlugin> LoadAsync(PluginManifest manifest, string directory, IConfiguration settings, CancellationToken cancellationToken)
    {
        var problems = PluginCompatibility.Check(manifest);
        if (problems.Count > 0)
        {
            throw new PluginLoadException(string.Join(" ", problems));
        }

        var entryPath = Path.Combine(directory, manifest.EntryAssembly);
        if (!File.Exists(entryPath))
        {
            throw new PluginLoadException($"Plugin '{manifest.Id}' {manifest.Version}: entry assembly {manifest.EntryAssembly} is missing.");
        }

        var context = new PluginLoadContext($"{manifest.Id}@{manifest.Version}", entryPath);
        ServiceProvider? provider = null;
        var started = new List<IHostedService>();
        try
        {
            var plugin = CreateEntry(context, entryPath, manifest);
            var services = new ServiceCollection();
            AddSharedServices(services, manifest, settings);
            var pluginContext = new PluginContext(manifest, settings, Path.Combine(options.DataDirectory, manifest.Id), options.ProvinceId);
            Directory.CreateDirectory(pluginContext.DataDirectory);
            await RunBounded(manifest, "ConfigureServices", () => plugin.ConfigureServices(services, pluginContext), cancellationToken);
            PluginContractScan.AddTo(services, plugin.GetType().Assembly);
            provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

            // Before the version maps or starts anything: its schema must be ready when it takes traffic.
            await Data.PluginDataServices.MigrateAsync(runtimeServices, provider, manifest, cancellationToken);
            var collector = new PluginEndpointCollector(runtimeServices, provider, manifest);
            await RunBounded(manifest, "Map", () => plugin.Map(collector), cancellationToken);
            foreach (var hosted in provider.GetServices<IHostedService>())
            {
                await RunBounded(manifest, $"{hosted.GetType().Name}.StartAsync", () => hosted.StartAsync(cancellationToken).GetAwaiter().GetResult(), cancellationToken);
                started.Add(hosted);
            }

            return new LoadedPlugin(manifest, directory, context, provider, collector.Services, collector.Tabs, started);
        }
        catch (Exception ex)
        {
            foreach (var hosted in started)
            {
                await hosted.StopAsync(CancellationToken.None).WaitAsync(options.StartTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (provider is not null)
            {
                await provider.DisposeAsync();
            }

            context.Unload();
            throw ex as PluginLoadException ?? new PluginLoadException(Describe(manifest, ex), ex);
        }
    }

    private static IPlugin CreateEntry(PluginLoadContext context, string entryPath, PluginManifest manifest)
    {
        Assembly assembly;
        try
        {
            assembly = context.LoadFromAssemblyPath(entryPath);
        }
        catch (BadImageFormatException ex)
        {
            throw new PluginLoadException($"Plugin '{manifest.Id}' {manifest.Version}: {manifest.EntryAssembly} is not a .NET assembly.", ex);
        }

        var type = assembly.GetType(manifest.EntryType, throwOnError: false)
            ?? throw new PluginLoadException($"Plugin '{manifest.Id}' {manifest.Version}: entry type {manifest.EntryType} is not in {manifest.EntryAssembly}.");
        if (!typeof(IPlugin).IsAssignableFrom(type))
        {
            throw new PluginLoadException($"Plugin '{manifest.Id}' {manifest.Version}: {manifest.EntryType} does not implement DanVan.Plugins.IPlugin (was it built against another copy of DanVan.Plugins.Abstractions?).");
        }

        return (IPlugin)(Activator.CreateInstance(type, nonPublic: true)
            ?? throw new PluginLoadException($"Plugin '{manifest.Id}' {manifest.Version}: could not create {manifest.EntryType}."));
    }

    private void AddSharedServices(IServiceCollection services, PluginManifest manifest, IConfiguration settings)
    {
        var loggerFactory = runtimeServices.GetRequiredService<ILoggerFactory>();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(runtimeServices.GetRequiredService<TimeProvider>());
        services.AddSingleton(settings);
        services.AddSingleton(manifest);

        // As in an ASP.NET Core app: IOptions<T>, IOptionsSnapshot<T> and IOptionsMonitor<T> resolve for any T,
        // also when the plugin only registers IConfigureOptions<T> classes (services.Configure<T> adds this itself).
        services.AddOptions();
        foreach (var share in runtimeServices.GetServices<PluginSharedService>())
        {
            share.AddTo(services, runtimeServices, manifest);
        }
    }

    private async Task RunBounded(PluginManifest manifest, string step, Action action, CancellationToken cancellationToken)
    {
        var work = Task.Run(action, cancellationToken);
        try
        {
            await work.WaitAsync(options.StartTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new PluginLoadException($"Plugin '{manifest.Id}' {manifest.Version}: {step} did not finish within {options.StartTimeout.TotalSeconds:0.#} s; the plugin is quarantined as hung.");
        }
    }

    private static string Describe(PluginManifest manifest, Exception ex)
    {
        var root = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
        return root switch
        {
            FileNotFoundException missing => $"Plugin '{manifest.Id}' {manifest.Version}: a dependency is missing: {missing.FileName ?? missing.Message}.",
            FileLoadException load => $"Plugin '{manifest.Id}' {manifest.Version}: a dependency failed to load: {load.FileName ?? load.Message}.",
            TypeLoadException type => $"Plugin '{manifest.Id}' {manifest.Version}: a type failed to load ({type.TypeName}); the plugin was probably built against other versions of shared assemblies.",
            _ => $"Plugin '{manifest.Id}' {manifest.Version} failed to start: {root.GetType().Name}: {root.Message}",
        };
    }
}
