using System.Diagnostics;
using System.Runtime.Loader;
using DanVan.Plugins.Bench.V1;
using DanVan.Plugins.Runtime.Management;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>
/// unload [cycles]: load the echo plugin, call it over h2c, disable it and check its context was
/// collected, again and again; reports collection, GC passes, and memory growth from cycle 100 on.
/// </summary>
internal static class UnloadCommand
{
    public static async Task<int> RunAsync(int cycles)
    {
        await using var runtime = await BenchRuntime.StartAsync();
        var manager = runtime.Services.GetRequiredService<PluginManager>();
        var client = new PluginEchoService.PluginEchoServiceClient(runtime.Channel);
        var settings = new ConfigurationBuilder().Build();
        var request = new EchoRequest { Payload = ByteString.CopyFromUtf8("unload") };
        var collected = 0;
        var passes = new List<int>();
        var times = new List<double>();
        MemorySample? at100 = null;
        MemorySample? first = null;
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            await manager.ActivateAsync(BenchPlugins.Manifest("1.0.0"), BenchPlugins.Directory("1.0.0"), settings);
            await client.EchoAsync(request);
            await manager.DisableAsync("danvan.bench.echo");
            var report = (await manager.WaitForUnloadsAsync()).Single();
            if (report.Collected)
            {
                collected++;
            }

            passes.Add(report.GcPasses);
            times.Add(report.Elapsed.TotalMilliseconds);
            if (cycle == 1)
            {
                first = MemorySample.Take("1");
            }

            if (cycle == Math.Min(100, cycles))
            {
                at100 = MemorySample.Take("100");
            }
        }

        var last = MemorySample.Take(cycles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        passes.Sort();
        times.Sort();
        Console.WriteLine($"cycles {cycles}: collected {collected}/{cycles}; GC passes p50 {passes[passes.Count / 2]} max {passes[^1]}; unload check p50 {times[times.Count / 2]:F1} ms p99 {times[(int)(times.Count * 0.99)]:F1} ms");
        Console.WriteLine($"after cycle 1:    {first}");
        Console.WriteLine($"after cycle 100:  {at100}");
        Console.WriteLine($"after cycle {cycles}: {last}");
        Console.WriteLine($"growth 100 -> {cycles}: {MemorySample.Growth(at100!, last)} (goal <= 2%)");
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"RESULT cycles={cycles} collected={collected} managed_growth={Percent(at100!.ManagedBytes, last.ManagedBytes):F2} private_growth={Percent(at100.PrivateBytes, last.PrivateBytes):F2}"));
        return collected == cycles ? 0 : 1;
    }

    private static double Percent(long from, long to) => (to - from) * 100.0 / from;
}
