using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.Loader;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// Empties the shared framework's per-type caches before a plugin's context unloads.
/// System.Text.Json, for one, keeps the accessors it emits for a plugin's types in a static cache
/// that only evicts on later use, so a plugin that ever serialized its own type by reflection
/// stayed alive after an upgrade. The framework opens such caches to hot reload through
/// <see cref="MetadataUpdateHandlerAttribute"/> types with a static <c>ClearCache(Type[]?)</c>;
/// the runtime calls them the same way hot reload does.
/// </summary>
internal static class FrameworkCaches
{
    public static void Clear()
    {
        foreach (var assembly in AssemblyLoadContext.Default.Assemblies)
        {
            // CoreLib's handler walks the whole reflection cache of every type; its caches are
            // keyed weakly for collectible types already.
            if (assembly == typeof(object).Assembly || assembly.IsDynamic)
            {
                continue;
            }

            foreach (var handler in assembly.GetCustomAttributes<MetadataUpdateHandlerAttribute>())
            {
                var clear = handler.HandlerType.GetMethod("ClearCache", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(Type[])]);
                if (clear is null)
                {
                    continue;
                }

                try
                {
                    clear.Invoke(null, [null]);
                }
                catch (TargetInvocationException)
                {
                    // A cache that cannot be cleared may keep the context alive; the unload check
                    // then reports what holds it. It never fails the unload.
                }
            }
        }
    }
}
