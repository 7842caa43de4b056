using DanVan.Plugins.HostSample.Shell;
using DanVan.Plugins.HostSample.Shell.Tabs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sample e-office's web shell.</summary>
public static class ShellServiceCollectionExtensions
{
    /// <summary>Adds the shell's services; map its pages with <c>MapEOfficeShell</c>.</summary>
    public static IServiceCollection AddEOfficeShell(this IServiceCollection services, Action<ShellOptions> configure)
    {
        services.Configure(configure);
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ShellClients>();
        services.AddSingleton<UserSession>();
        services.AddSingleton<TabSessionStore>();
        services.AddSingleton<TabStrip>();
        services.AddSingleton<TabProxy>();
        services.AddSingleton<ShellPages>();
        return services;
    }
}
