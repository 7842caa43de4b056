using System.Net;
using System.Reflection;
using DanVan.Plugins.Testing;

namespace DanVan.Plugins.Bench.Tasks;

/// <summary>
/// The rendered tab pages as the e-office's proxy requests them: the real runtime in this process
/// (PluginTestHost), the Tasks plugin loaded from its own build folder in its own context, over the
/// loaded database, each page a GET on the runtime's tab endpoint (/tabs/danvan.tasks/…) with a fresh
/// tab token, as Sở Nội vụ's appraiser.
/// </summary>
internal sealed class TabPages : IAsyncDisposable
{
    private readonly BenchEoffice _eoffice;
    private readonly PluginTestHost _host;
    private readonly HttpClient _client;

    private TabPages(BenchEoffice eoffice, PluginTestHost host)
    {
        _eoffice = eoffice;
        _host = host;
        _client = host.CreatePageClient();
    }

    public static string PluginDirectory { get; } = typeof(TabPages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TasksPluginDirectory").Value!;

    public static async Task<TabPages> StartAsync(string dataDirectory, TimeProvider clock)
    {
        // Only warnings and errors from the runtime: a log line per request would be timed too. Unloading
        // at the end is not measured, so neither is whether the plugin's context is collected then.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        Environment.SetEnvironmentVariable("Logging__LogLevel__DanVan.Plugins.Runtime.Management.PluginManager", "Error");
        var eoffice = await BenchEoffice.StartAsync();
        var host = await PluginTestHost.StartAsync(PluginDirectory, configure: o =>
        {
            o.DataDirectory = dataDirectory;
            o.HostAddress = eoffice.Address;
            o.HostHttpHandler = eoffice.Handler;
            o.DiagnoseLeaks = false; // no heap snapshot of this process when the plugin unloads at the end
        }, time: clock);
        return new TabPages(eoffice, host);
    }

    /// <summary>The page's size in bytes; throws unless it is a 200.</summary>
    public async Task<long> GetAsync(string tabId, string orgUnitId, string relativePath = "")
    {
        using var response = await _client.GetAsync(_host.TabPagePath(tabId, BenchEoffice.Appraiser, orgUnitId, relativePath: relativePath));
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{tabId} {relativePath} for {orgUnitId}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 400)]}");
        }

        return body.Length;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _eoffice.DisposeAsync();
    }
}
