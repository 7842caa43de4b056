using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace DanVan.Plugins.Conformance.Infrastructure;

/// <summary>
/// Starts tests/peers/python/minimal_host/minimal_host.py (Debian's grpcio, stubs generated from protos/
/// at start) on a free port; it prints "READY &lt;port&gt;" once serving and exits when stdin closes.
/// </summary>
internal static class PythonHostLauncher
{
    public const string PythonExe = "/usr/bin/python3";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    public static async Task<HostTarget> StartAsync()
    {
        await EnsureInstalledAsync();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var script = Path.Combine(RepoRoot.Path, "tests", "peers", "python", "minimal_host", "minimal_host.py");
        var start = new ProcessStartInfo(PythonExe)
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        // The token travels in the environment, not on the command line (visible in ps).
        start.Environment["DANVAN_HOST_TOKEN"] = token;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {PythonExe} {script}");
        var stderr = new StringBuilder();
        var stderrPump = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync()) is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(line);
                }
            }
        });

        int port;
        try
        {
            port = await ReadPortAsync(process, () => { lock (stderr) { return stderr.ToString(); } });
        }
        catch
        {
            Stop(process);
            throw;
        }

        return new HostTarget(ConformanceTargets.Python, new Uri($"http://127.0.0.1:{port}"), token, async () =>
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Already gone.
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                Stop(process);
            }

            await stderrPump;
            process.Dispose();
        });
    }

    private static async Task<int> ReadPortAsync(Process process, Func<string> stderr)
    {
        using var cts = new CancellationTokenSource(ReadyTimeout);
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The python minimal host printed no READY line within {ReadyTimeout.TotalSeconds:0} s.\nstderr:\n{stderr()}");
            }

            if (line is null)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"The python minimal host exited ({process.ExitCode}) before READY.\nstderr:\n{stderr()}");
            }

            if (line.StartsWith("READY ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(6), out var port) && port > 0)
            {
                return port;
            }
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }
    }

    /// <summary>Runs .ci/setup.sh once when Debian's grpcio or grpc_tools is missing (as the interop tests do).</summary>
    private static async Task EnsureInstalledAsync()
    {
        string[] needed = [PythonExe, "/usr/lib/python3/dist-packages/grpc/__init__.py", "/usr/lib/python3/dist-packages/grpc_tools"];
        if (needed.All(p => File.Exists(p) || Directory.Exists(p)))
        {
            return;
        }

        var setup = new ProcessStartInfo("bash") { WorkingDirectory = RepoRoot.Path, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        setup.ArgumentList.Add(Path.Combine(RepoRoot.Path, ".ci", "setup.sh"));
        using var process = Process.Start(setup) ?? throw new InvalidOperationException("Could not run .ci/setup.sh");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !needed.All(p => File.Exists(p) || Directory.Exists(p)))
        {
            throw new InvalidOperationException($"python3-grpcio / python3-grpc-tools are missing and .ci/setup.sh did not install them (exit {process.ExitCode}):\n{await output}\n{await errors}");
        }
    }
}
