using System.Diagnostics;
using System.Runtime.Loader;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>
/// The process's memory at one point: managed heap after a full collection, private bytes (VmData on
/// Linux), mappings, resident anonymous and file-backed memory, live load contexts.
/// </summary>
internal sealed record MemorySample(long ManagedBytes, long PrivateBytes, long Maps, int Contexts, long RssAnonKiB, long RssFileKiB, long VmDataKiB, long DoubleMapped, long MallocInUse, long MallocFree)
{
    public static MemorySample Take(string? label = null)
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        var malloc = NativeHeap.Take();
        using var process = Process.GetCurrentProcess();
        var lines = File.ReadAllLines("/proc/self/maps");
        var maps = lines.LongLength;

        // W^X keeps executable memory in a memfd with a writable view beside each executable one.
        var doubleMapped = lines.LongCount(l => l.EndsWith("/memfd:doublemapper (deleted)", StringComparison.Ordinal));
        var status = File.ReadLines("/proc/self/status").Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => long.TryParse(p[1].Trim().Split(' ')[0], out var kib) ? kib : 0);

        // DANVAN_BENCH_SMAPS=<dir>: keep /proc/self/smaps at each sample, to see which mappings grow.
        if (label is not null && Environment.GetEnvironmentVariable("DANVAN_BENCH_SMAPS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.Copy("/proc/self/smaps", Path.Combine(dir, $"smaps-{label}.txt"), overwrite: true);
            if (Environment.GetEnvironmentVariable("DANVAN_BENCH_HEAP") == "1")
            {
                HeapHistogram.Write(Path.Combine(dir, $"heap-{label}.tsv"));
            }
        }

        return new MemorySample(managed, process.PrivateMemorySize64, maps, AssemblyLoadContext.All.Count(), status["RssAnon"], status["RssFile"], status["VmData"], doubleMapped, malloc.InUse, malloc.Free);
    }

    public override string ToString() => $"managed {ManagedBytes / 1024} KiB, private {PrivateBytes / 1024 / 1024} MiB, maps {Maps}, RssAnon {RssAnonKiB} KiB, RssFile {RssFileKiB} KiB, VmData {VmDataKiB} KiB, doublemapper maps {DoubleMapped}, malloc in use {MallocInUse / 1024} KiB free {MallocFree / 1024} KiB, load contexts {Contexts}";

    /// <summary>Growth from <paramref name="from"/> to <paramref name="to"/> in percent, each measure.</summary>
    public static string Growth(MemorySample from, MemorySample to) =>
        $"managed heap {Percent(from.ManagedBytes, to.ManagedBytes)}, private bytes {Percent(from.PrivateBytes, to.PrivateBytes)}, maps {Percent(from.Maps, to.Maps)}, RssAnon {Percent(from.RssAnonKiB, to.RssAnonKiB)}, RssFile {Percent(from.RssFileKiB, to.RssFileKiB)}";

    private static string Percent(long from, long to) => ((to - from) * 100.0 / from).ToString("+0.0;-0.0;+0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
