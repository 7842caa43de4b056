using System.Diagnostics;
using System.Text;

namespace DanVan.Plugins.Interop.Tests.Infrastructure;

/// <summary>
/// A running peer interop server: started with <c>--port 0</c>, ready once it prints
/// <c>READY &lt;port&gt;</c>. Disposing closes its stdin (it exits on EOF), then kills the
/// process tree if it is still alive.
/// </summary>
internal sealed class PeerServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrPump;
    private Task? _stdoutPump;

    private PeerServer(string peer, Process process, string commandLine)
    {
        Peer = peer;
        _process = process;
        CommandLine = commandLine;
        _stderrPump = PumpAsync(process.StandardError);
    }

    public string Peer { get; }

    public string CommandLine { get; }

    public int Port { get; private set; }

    /// <summary>host:port, as the peer clients take it.</summary>
    public string Target => $"127.0.0.1:{Port}";

    /// <summary>The address for <c>GrpcChannel.ForAddress</c>.</summary>
    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>What the server wrote on stderr so far (for assertion messages).</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<PeerServer> StartAsync(string peer)
    {
        await Peers.EnsureInstalledAsync();
        var (fileName, arguments) = Peers.ServerCommand(peer);
        var commandLine = string.Join(' ', [fileName, .. arguments]);
        var process = Process.Start(PeerRun.StartInfo(fileName, arguments))
            ?? throw new InvalidOperationException($"Could not start: {commandLine}");
        var server = new PeerServer(peer, process, commandLine);
        try
        {
            await server.WaitReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Already gone.
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                PeerRun.KillTree(_process);
                await _process.WaitForExitAsync();
            }
        }

        await _stderrPump;
        if (_stdoutPump is not null)
        {
            await _stdoutPump;
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        using var cts = new CancellationTokenSource(ReadyTimeout);
        var stdout = _process.StandardOutput;
        var seen = new StringBuilder();
        while (true)
        {
            string? line;
            try
            {
                line = await stdout.ReadLineAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Peer} server printed no READY line within {ReadyTimeout.TotalSeconds:0} s: {CommandLine}\nstdout:\n{seen}\nstderr:\n{Stderr}");
            }

            if (line is null)
            {
                await _process.WaitForExitAsync();
                await _stderrPump;
                throw new InvalidOperationException($"{Peer} server exited ({_process.ExitCode}) before READY: {CommandLine}\nstdout:\n{seen}\nstderr:\n{Stderr}");
            }

            seen.AppendLine(line);
            if (line.StartsWith("READY ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(6), out var port) && port > 0)
            {
                Port = port;
                _stdoutPump = PumpAsync(stdout);
                return;
            }
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            if (ReferenceEquals(reader, _process.StandardError))
            {
                lock (_stderr)
                {
                    _stderr.Append(buffer, 0, read);
                }
            }
        }
    }
}
