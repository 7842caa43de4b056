namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// The assemblies every plugin takes from the runtime's default context, so that plugin and
/// runtime agree on their types (the plugin API, the contracts, the gRPC layer, DI, logging,
/// ASP.NET Core, the database stack). Anything else a plugin ships loads privately in its own
/// context. Database drivers and EF Core are here on purpose: inside a collectible context
/// they keep it from unloading (see platform notes).
/// </summary>
internal static class SharedAssemblies
{
    private static readonly string[] Prefixes =
    [
        "DanVan.Plugins.Abstractions",
        "DanVan.Plugins.Contracts",
        "DanVan.Plugins.Grpc",
        "DanVan.Plugins.Storage",
        "Google.Protobuf",
        "Scrutor",
        "Microsoft.Extensions.",
        "Microsoft.AspNetCore.",
        "Microsoft.EntityFrameworkCore",
        "Microsoft.Data.Sqlite",
        "SQLitePCLRaw",
        "Npgsql",
        "System.",
        "Microsoft.Win32.",
        "netstandard",
        "mscorlib",
    ];

    public static bool IsShared(string assemblyName)
    {
        foreach (var prefix in Prefixes)
        {
            if (assemblyName.StartsWith(prefix, StringComparison.Ordinal) || assemblyName == prefix.TrimEnd('.'))
            {
                return true;
            }
        }

        return false;
    }
}
