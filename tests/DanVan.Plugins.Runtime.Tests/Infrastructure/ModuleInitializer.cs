using System.Runtime.CompilerServices;

namespace DanVan.Plugins.Runtime.Tests.Infrastructure;

internal static class ModuleInitializer
{
    // The in-memory server and the hammering clients share two cores with xunit; without
    // spare pool threads the test host stalls for a second at a time (platform notes §3).
    [ModuleInitializer]
    internal static void Initialize() => ThreadPool.SetMinThreads(16, 16);
}
