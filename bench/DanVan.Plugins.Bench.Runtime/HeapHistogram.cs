using Microsoft.Diagnostics.Runtime;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>Writes the live managed objects by type (count, bytes) from a snapshot of this process, for diffing two points of a run.</summary>
internal static class HeapHistogram
{
    public static void Write(string path)
    {
        using var target = DataTarget.CreateSnapshotAndAttach(Environment.ProcessId);
        using var runtime = target.ClrVersions[0].CreateRuntime();
        var heap = runtime.Heap;
        var live = new HashSet<ulong>();
        var stack = new Stack<ulong>();
        foreach (var root in heap.EnumerateRoots())
        {
            stack.Push(root.Object.Address);
        }

        var byType = new Dictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        var parents = new Dictionary<ulong, string>();
        var strings = new List<string>();
        var arrays = new List<string>();
        while (stack.Count > 0)
        {
            var address = stack.Pop();
            if (address == 0 || !live.Add(address))
            {
                continue;
            }

            var obj = heap.GetObject(address);
            if (!obj.IsValid)
            {
                continue;
            }

            var name = obj.Type?.Name ?? "?";
            var (count, bytes) = byType.GetValueOrDefault(name);
            byType[name] = (count + 1, bytes + (long)obj.Size);
            if (obj.Type?.IsString == true)
            {
                strings.Add(parents.GetValueOrDefault(address, "root") + " :: " + obj.AsString(200));
            }
            else if (name == "System.Object[]" && obj.Size > 4096)
            {
                arrays.Add($"{obj.Size} {parents.GetValueOrDefault(address, "root")}");
            }

            foreach (var reference in obj.EnumerateReferences())
            {
                parents.TryAdd(reference.Address, name);
                stack.Push(reference.Address);
            }
        }

        File.WriteAllLines(path + ".strings", strings.GroupBy(x => x).Select(g => $"{g.Count()}\t{g.Key.ReplaceLineEndings(" ")}"));
        File.WriteAllLines(path + ".arrays", arrays);
        File.WriteAllLines(path, byType.OrderByDescending(t => t.Value.Bytes).Select(t => $"{t.Value.Count}\t{t.Value.Bytes}\t{t.Key}"));
    }
}
