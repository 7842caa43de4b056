using System.Runtime.CompilerServices;

namespace DanVan.Plugins.Grpc.Tests;

internal static class ModuleInitializer
{
    /// <summary>
    /// The test host runs many in-memory servers on 2 cores; without more threads up front the
    /// thread pool's slow growth can stall a streaming test for about a second (platform-notes §3).
    /// </summary>
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var worker, out var io);
        ThreadPool.SetMinThreads(Math.Max(worker, 16), Math.Max(io, 16));
    }
}
