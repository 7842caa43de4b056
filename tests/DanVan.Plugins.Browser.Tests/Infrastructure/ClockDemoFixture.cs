using System.Globalization;
using DanVan.Plugins.Grpc;
using DanVan.Plugins.HostSample.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace DanVan.Plugins.Browser.Tests.Infrastructure;

/// <summary>
/// The one-command demo on a fake clock shared by the sample e-office and the embedded runtime (so tab
/// tokens, statuses and reminders all see the same day), starting 10/11/2026 08:00 in Hà Nội, five days
/// before seed 001's yearly deadline (15/11). Also a gRPC channel to the runtime as the e-office host
/// (its development credential), for calls to the Tasks plugin's API on an officer's behalf.
/// </summary>
public sealed class ClockDemoFixture : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "danvan-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly int _runtimePort = FreePort.Next();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 10, 1, 0, 0, TimeSpan.Zero));

    public HostSampleDemo Demo { get; private set; } = null!;

    public Uri WebAddress => Demo.WebAddress;

    public GrpcChannel Runtime { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var c = CultureInfo.InvariantCulture;
        Demo = await HostSampleDemo.StartAsync(
        [
            "--grpc-port", FreePort.Next().ToString(c),
            "--web-port", FreePort.Next().ToString(c),
            "--data", Path.Combine(_root, "host"),
            "--HostSample:RuntimeAddress", $"http://127.0.0.1:{_runtimePort}",
            "--Runtime:GrpcPort", _runtimePort.ToString(c),
            "--Runtime:DataDirectory", Path.Combine(_root, "runtime", "data"),
            "--Runtime:RootDirectory", Path.Combine(_root, "runtime", "store"),
        ],
        builder => builder.Services.AddSingleton<TimeProvider>(Clock));
        Runtime = GrpcChannel.ForAddress(new Uri($"http://127.0.0.1:{_runtimePort}"), new GrpcChannelOptions
        {
            // The sample's development credential of the e-office host (appsettings.json, Runtime:Tokens:eoffice-host).
            Credentials = CallCredentials.FromBearerToken("danvan-dev-eoffice-token"),
        });
    }

    public async Task DisposeAsync()
    {
        Runtime.Dispose();
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
