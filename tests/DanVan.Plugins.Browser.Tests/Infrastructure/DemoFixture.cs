using DanVan.Plugins.HostSample.Demo;
using DanVan.Plugins.Runtime.Administration;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Browser.Tests.Infrastructure;

/// <summary>
/// The one-command demo as a user starts it — sample e-office, embedded runtime, the plugins
/// built from plugins/ on a fresh SQLite file — on free loopback ports and a temporary folder.
/// </summary>
public sealed class DemoFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "danvan-demo-" + Guid.NewGuid().ToString("N"));

    public HostSampleDemo Demo { get; private set; } = null!;

    public Uri WebAddress => Demo.WebAddress;

    public PluginAdministration Admin => Demo.Runtime!.Services.GetRequiredService<PluginAdministration>();

    public async Task InitializeAsync()
    {
        var runtimePort = FreePort.Next();
        Demo = await HostSampleDemo.StartAsync(
        [
            "--grpc-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--web-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--data", Path.Combine(_root, "host"),
            "--HostSample:RuntimeAddress", $"http://127.0.0.1:{runtimePort}",
            "--Runtime:GrpcPort", runtimePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Runtime:DataDirectory", Path.Combine(_root, "runtime", "data"),
            "--Runtime:RootDirectory", Path.Combine(_root, "runtime", "store"),
        ]);
    }

    public async Task DisposeAsync()
    {
        await Demo.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is cleaned later.
        }
    }
}
