namespace DanVan.Plugins.Runtime.Tests.Infrastructure;

/// <summary>Runs .ci/pg-up.sh or .ci/pg-down.sh for a throwaway PostgreSQL cluster in a folder.</summary>
internal static class PostgresScripts
{
    /// <summary>Runs the script with the folder; returns its standard output (pg-up.sh ends with the connection string).</summary>
    public static async Task<string> RunAsync(string script, string directory)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, script), directory]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"{script} failed: {await stderr}");
    }
}
