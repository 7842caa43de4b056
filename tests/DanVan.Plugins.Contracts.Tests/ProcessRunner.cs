using System.Diagnostics;

namespace DanVan.Plugins.Contracts.Tests;

/// <summary>Runs an external program with a timeout and captures its output.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var commandLine = string.Join(' ', [fileName, .. arguments]);
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start: {commandLine}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"Timed out after {timeout.TotalSeconds:0} s: {commandLine}{Environment.NewLine}" +
                $"{await stdout}{Environment.NewLine}{await stderr}");
        }

        return new ProcessResult(commandLine, process.ExitCode, await stdout, await stderr);
    }
}
