using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DanVan.Plugins.Bench.V1;
using DanVan.Plugins.Grpc;
using Google.Protobuf;

namespace DanVan.Plugins.Bench.Runtime;

/// <summary>
/// upgrade &lt;h2c-port&gt; &lt;drop-folder&gt; &lt;count&gt; &lt;interval-ms&gt; &lt;first-ms&gt; [--go &lt;file&gt;] [--control &lt;port&gt;]: upgrades
/// the echo plugin of a running <c>serve --drop</c> the way provincial IT does, <c>count</c> times.
/// Packs every new version first (continuing from the one serving: 1.0.n+1, 1.0.n+2, …), prints
/// READY, waits for the go file when given, then at fixed times from that start (first-ms, then
/// every interval-ms; absolute due times, so nothing drifts) copies each package into the drop
/// folder under a temporary name and renames it to *.dvp. Each swap time runs from that rename to
/// the first call answered by the new build (an empty echo answers the build stamp compiled into
/// the plugin), so it covers the debounce, verification, copy, extraction, load and switch.
/// </summary>
internal static class UpgradeCommand
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(int port, string drop, int count, int intervalMs, int firstMs, string? goFile, int? controlPort)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var client = new PluginEchoService.PluginEchoServiceClient(channel);
        var probe = new EchoRequest();
        var serving = (await client.EchoAsync(probe)).Payload.ToStringUtf8();
        var next = int.Parse(serving.Split('.')[^1], CultureInfo.InvariantCulture) + 1;
        var staging = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(drop))!, "upgrade-" + Guid.NewGuid().ToString("N"));
        var packages = new List<(string Version, string Path)>();
        using (var packer = new BenchPackages(staging))
        {
            for (var i = 0; i < count; i++)
            {
                var version = "1.0." + (next + i).ToString(CultureInfo.InvariantCulture);
                packages.Add((version, packer.Pack(version)));
            }
        }

        Console.WriteLine($"READY serving {serving}, {count} upgrades packed");
        while (goFile is not null && !File.Exists(goFile))
        {
            await Task.Delay(5);
        }

        var clock = Stopwatch.StartNew();
        var times = new List<double>();
        var probeFailures = 0;
        var lastServedAt = 0.0;
        var lines = new List<(string Version, long LandedTicks, string Text)>();
        for (var i = 0; i < packages.Count; i++)
        {
            var (version, package) = packages[i];
            var wait = TimeSpan.FromMilliseconds(firstMs + ((long)i * intervalMs)) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var name = Path.GetFileName(package);
            var temporary = Path.Combine(drop, name + ".part");
            File.Copy(package, temporary);
            File.Move(temporary, Path.Combine(drop, name));
            var landed = clock.Elapsed;
            var landedTicks = Stopwatch.GetTimestamp();
            var expected = ByteString.CopyFromUtf8(version);
            var served = false;
            while (clock.Elapsed - landed < GiveUp)
            {
                try
                {
                    if ((await client.EchoAsync(probe)).Payload.Equals(expected))
                    {
                        served = true;
                        break;
                    }
                }
                catch (RpcException ex)
                {
                    probeFailures++;
                    Console.Error.WriteLine($"probe failed during the upgrade to {version}: {ex.StatusCode} {ex.Message}");
                }

                await Task.Delay(1);
            }

            var ms = (clock.Elapsed - landed).TotalMilliseconds;
            if (served)
            {
                times.Add(ms);
                lastServedAt = clock.Elapsed.TotalMilliseconds;
            }

            lines.Add((version, landedTicks, served
                ? $"upgrade {i + 1}: {version} landed at +{landed.TotalMilliseconds:F0} ms, answering after {ms:F0} ms"
                : $"upgrade {i + 1}: {version} landed at +{landed.TotalMilliseconds:F0} ms, NOT answering after {GiveUp.TotalSeconds:F0} s (see the drop folder's rejected/)"));
        }

        Directory.Delete(staging, recursive: true);
        var servingAt = controlPort is { } control ? await ServingTimesAsync(control) : [];
        var runtimeTimes = new List<double>();
        foreach (var (version, landedTicks, text) in lines)
        {
            if (servingAt.TryGetValue(version, out var at))
            {
                var ms = Stopwatch.GetElapsedTime(landedTicks, at).TotalMilliseconds;
                runtimeTimes.Add(ms);
                Console.WriteLine($"{text} (the runtime switched after {ms:F0} ms)");
            }
            else
            {
                Console.WriteLine(text);
            }
        }

        runtimeTimes.Sort();
        var sorted = times.Order().ToList();
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"RESULT upgrades={count} served={times.Count} first={(times.Count > 0 ? times[0] : double.NaN):F1} p50={(sorted.Count > 0 ? sorted[sorted.Count / 2] : double.NaN):F1} max={(sorted.Count > 0 ? sorted[^1] : double.NaN):F1} last_served_at={lastServedAt:F0} probe_failures={probeFailures} runtime_p50={(runtimeTimes.Count > 0 ? runtimeTimes[runtimeTimes.Count / 2] : double.NaN):F1} runtime_max={(runtimeTimes.Count > 0 ? runtimeTimes[^1] : double.NaN):F1}"));
        return times.Count == count && probeFailures == 0 ? 0 : 1;
    }

    // When each version began serving, on the shared monotonic clock, from the bench server's /events.
    private static async Task<Dictionary<string, long>> ServingTimesAsync(int controlPort)
    {
        using var http = new HttpClient();
        using var events = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{controlPort}/events")));
        return events.RootElement.GetProperty("serving").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
    }
}
