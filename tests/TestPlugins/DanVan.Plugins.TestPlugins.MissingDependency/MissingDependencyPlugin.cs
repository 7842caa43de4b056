using System.Runtime.CompilerServices;
using DanVan.Plugins.TestPlugins.MissingDependency.Helper;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.TestPlugins.MissingDependency;

internal sealed class MissingDependencyPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) => services.AddSingleton(new GreetingText(Read()));

    public void Map(IPluginEndpoints endpoints)
    {
    }

    // In its own method so the helper assembly is resolved when this runs, not when the type loads.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string Read() => Greeting.Text;

    private sealed record GreetingText(string Value);
}
