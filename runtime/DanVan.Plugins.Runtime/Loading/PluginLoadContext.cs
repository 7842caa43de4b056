using System.Reflection;
using System.Runtime.Loader;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// One plugin version's collectible context. Shared assemblies fall through to the default
/// context; the plugin's private ones (managed and native) resolve from its own folder with
/// its .deps.json through <see cref="AssemblyDependencyResolver"/>.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    public PluginLoadContext(string name, string entryAssemblyPath)
        : base(name, isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(entryAssemblyPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || SharedAssemblies.IsShared(assemblyName.Name))
        {
            return null;
        }

        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;
}
