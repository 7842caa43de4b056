using System.Diagnostics;
using DanVan.Plugins.Grpc;
using Grpc.Health.V1;

namespace DanVan.Plugins.Runtime.Tests.Infrastructure;

/// <summary>The deployable runtime server as a separate process (DanVan.Plugins.Runtime.Server), so a test can kill it for real.</summary>
internal sealed class RuntimeServerProcess : IAsyncDisposable
{
    public const string AdminToken = "admin-token-crash-test-0123456789abcdef";
    public const string HostToken = "host-token-crash-test-0123456789abcdef";

    private readonly Process _process;

    private RuntimeServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { Credentials = CallCredentials.FromBearerToken(HostToken) });
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    /// <summary>Starts the server over <paramref name="root"/> (store, data and drop folders) and waits until <paramref name="service"/> is SERVING.</summary>
    public static async Task<RuntimeServerProcess> StartAsync(string root, string service, TimeSpan timeout)
    {
        // The tests run from bin/<Configuration>/net10.0/; the server was built with the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var server = Path.Combine(RepoPaths.Root, "runtime", "DanVan.Plugins.Runtime.Server", "bin", configuration, "net10.0", "DanVan.Plugins.Runtime.Server.dll");
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(server);
        start.Environment["DANVAN_Runtime__GrpcPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["DANVAN_Runtime__WebPort"] = "";
        start.Environment["DANVAN_Runtime__ProvinceId"] = "hung-yen";
        start.Environment["DANVAN_Runtime__RootDirectory"] = Path.Combine(root, "store");
        start.Environment["DANVAN_Runtime__DataDirectory"] = Path.Combine(root, "data");
        start.Environment["DANVAN_Runtime__DropDirectory"] = Path.Combine(root, "drop");
        start.Environment["DANVAN_Runtime__ProvinceConfiguration"] = "";
        start.Environment["DANVAN_Runtime__TrustStore"] = RepoPaths.DevelopmentKeyDirectory;
        start.Environment["DANVAN_Runtime__Tokens__provincial-admin"] = AdminToken;
        start.Environment["DANVAN_Runtime__Tokens__eoffice-host"] = HostToken;
        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new RuntimeServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await started.WaitServingAsync(service, timeout);
        }
        catch (Exception e) when (e is OperationCanceledException or RpcException)
        {
            var message = $"The runtime server ({server}, exited: {process.HasExited}) did not serve {service}:\n{string.Join('\n', output.TakeLast(40))}";
            await started.DisposeAsync();
            throw new InvalidOperationException(message, e);
        }

        return started;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, as a power cut or the OOM killer would do.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitServingAsync(string service, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var health = new Health.HealthClient(Channel);
        while (true)
        {
            deadline.Token.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new OperationCanceledException($"The runtime server exited with code {_process.ExitCode}.");
            }

            try
            {
                // Watch streams the status as it changes, so no polling once connected.
                using var watch = health.Watch(new HealthCheckRequest { Service = service }, cancellationToken: deadline.Token);
                while (await watch.ResponseStream.MoveNext(deadline.Token))
                {
                    if (watch.ResponseStream.Current.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                    {
                        return;
                    }
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable && !deadline.IsCancellationRequested)
            {
                // Not listening yet: the process is still starting.
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
        }
    }
}
