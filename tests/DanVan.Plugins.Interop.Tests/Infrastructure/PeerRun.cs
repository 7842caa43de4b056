using System.Diagnostics;

namespace DanVan.Plugins.Interop.Tests.Infrastructure;

/// <summary>What a peer process that ran to completion (or was killed on timeout) printed.</summary>
internal sealed record PeerRunResult(string CommandLine, int ExitCode, bool TimedOut, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public string Describe() =>
        $"{CommandLine}\nexit {ExitCode}{(TimedOut ? " (killed on timeout)" : "")} after {Elapsed.TotalSeconds:0.0} s\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs a peer process to completion: stdin is a pipe held open until it exits, output captured, process tree killed on timeout.</summary>
internal static class PeerRun
{
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    public static async Task<PeerRunResult> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var commandLine = string.Join(' ', [fileName, .. arguments]);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(StartInfo(fileName, arguments))
            ?? throw new InvalidOperationException($"Could not start: {commandLine}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = false;
        using (var cts = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                KillTree(process);
                await process.WaitForExitAsync();
            }
        }

        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The pipe's reader is gone already.
        }

        return new PeerRunResult(commandLine, process.ExitCode, timedOut, await stdout, await stderr, clock.Elapsed);
    }

    public static void KillTree(Process process)
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
}
