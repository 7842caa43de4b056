namespace DanVan.Plugins.Contracts.Tests;

/// <summary>
/// Runs the pinned buf CLI from tests/peers, installing it first with .ci/setup.sh when it is missing
/// (the script is idempotent and serialised by a lock, so concurrent test runs are safe).
/// </summary>
internal static class Buf
{
    private static readonly TimeSpan BufTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(15);
    private static readonly SemaphoreSlim SetupGate = new(1, 1);

    /// <summary>Absolute path of the buf executable.</summary>
    public static string Executable =>
        Path.Combine(RepoRoot.Path, "tests", "peers", "node_modules", ".bin", "buf");

    /// <summary>Runs buf with the given arguments from the repository root.</summary>
    public static async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        await EnsureInstalledAsync();
        return await ProcessRunner.RunAsync(Executable, arguments, RepoRoot.Path, BufTimeout);
    }

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(Executable))
        {
            return;
        }

        await SetupGate.WaitAsync();
        try
        {
            if (File.Exists(Executable))
            {
                return;
            }

            var setup = await ProcessRunner.RunAsync(
                "bash", [Path.Combine(RepoRoot.Path, ".ci", "setup.sh")], RepoRoot.Path, SetupTimeout);
            if (setup.ExitCode != 0 || !File.Exists(Executable))
            {
                throw new InvalidOperationException($"setup.sh did not install buf:{Environment.NewLine}{setup}");
            }
        }
        finally
        {
            SetupGate.Release();
        }
    }
}
