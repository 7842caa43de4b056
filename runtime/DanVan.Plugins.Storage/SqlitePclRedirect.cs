using System.Reflection;
using System.Runtime.Loader;

namespace DanVan.Plugins.Storage;

/// <summary>
/// Microsoft.Data.Sqlite 10 is compiled against SQLitePCLRaw 2.1, but the NuGet feed this
/// project has offers only 2.0.6, whose API it still calls correctly. Without this redirect the
/// SqliteConnection static constructor fails to load SQLitePCLRaw.core 2.1.x.
/// </summary>
internal static class SqlitePclRedirect
{
    private static readonly Lazy<bool> Installed = new(static () =>
    {
        AssemblyLoadContext.Default.Resolving += Resolve;
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    /// <summary>Installs the redirect once; call before the first SqliteConnection is made.</summary>
    internal static void EnsureInstalled() => _ = Installed.Value;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name is null || !name.Name.StartsWith("SQLitePCLRaw", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
