using System.Text;
using Microsoft.Diagnostics.Runtime;

namespace DanVan.Plugins.Runtime.Loading;

/// <summary>
/// Names what keeps an unloaded plugin context alive. Takes a snapshot of this process's heap
/// (createdump, through ClrMD) and walks from GC roots to the plugin's own objects and to its
/// load context, reporting each path as type names — the same walk that found the SQLite and
/// EF Core roots in the platform notes. Runs only after a leak, off the request path; it costs
/// a few seconds and a temporary dump file.
/// </summary>
internal static class LeakInspector
{
    private const int MaxPaths = 3;
    private const int MaxLinksShown = 12;

    /// <param name="contextName">The <see cref="PluginLoadContext"/>'s name.</param>
    /// <param name="assemblyLocations">Files of the assemblies loaded in that context.</param>
    public static IReadOnlyList<string> FindHolders(string contextName, IReadOnlyCollection<string> assemblyLocations, CancellationToken cancellationToken)
    {
        using var target = DataTarget.CreateSnapshotAndAttach(Environment.ProcessId);
        using var runtime = target.ClrVersions[0].CreateRuntime();
        var heap = runtime.Heap;
        var locations = new HashSet<string>(assemblyLocations.Where(l => l.Length > 0), StringComparer.Ordinal);

        var targets = new HashSet<ulong>();
        var contextTypeName = typeof(PluginLoadContext).FullName;
        foreach (var candidate in heap.EnumerateObjects())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = candidate.Type;
            if (type is null)
            {
                continue;
            }

            if (type.Module?.Name is { } module && locations.Contains(module))
            {
                targets.Add(candidate.Address);
            }
            else if (type.Name == contextTypeName && ContextName(candidate) == contextName)
            {
                targets.Add(candidate.Address);
            }
        }

        if (targets.Count == 0)
        {
            return ["no object of the plugin is left on the heap; the context is held by native or runtime-internal references"];
        }

        var paths = new List<string>();
        string? bare = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in new GCRoot(heap, targets).EnumerateRootPaths(cancellationToken))
        {
            var names = new List<string> { Describe(heap.GetObjectType(path.Root.Object)) };
            for (var link = path.Path; link is not null; link = link.Next)
            {
                names.Add(Describe(heap.GetObjectType(link.Object)));
            }

            // A context that is alive always has the runtime's own strong handle to it; that path
            // says nothing about the cause, so it is kept only when nothing else is found.
            var text = Format(path.Root.RootKind.ToString(), names);
            if (names.TrueForAll(n => n == contextTypeName))
            {
                bare ??= text;
                continue;
            }

            if (seen.Add(text))
            {
                paths.Add(text);
            }

            if (paths.Count == MaxPaths)
            {
                break;
            }
        }

        if (paths.Count == 0 && bare is not null)
        {
            paths.Add(bare);
        }

        return paths;
    }

    private static string? ContextName(ClrObject context)
    {
        // AssemblyLoadContext keeps its name in the private field _name.
        var field = context.Type?.GetFieldByName("_name");
        return field is null ? null : context.ReadStringField("_name");
    }

    private static string Describe(ClrType? type) => type?.Name ?? "?";

    private static string Format(string rootKind, List<string> names)
    {
        // Collapse repeats (arrays inside dictionaries inside arrays) and keep long chains readable.
        var compact = new List<string>();
        foreach (var name in names)
        {
            if (compact.Count == 0 || compact[^1] != name)
            {
                compact.Add(name);
            }
        }

        if (compact.Count > MaxLinksShown)
        {
            compact = [.. compact.Take(MaxLinksShown / 2), "…", .. compact.TakeLast(MaxLinksShown / 2)];
        }

        return new StringBuilder(rootKind).Append(": ").AppendJoin(" → ", compact).ToString();
    }
}
