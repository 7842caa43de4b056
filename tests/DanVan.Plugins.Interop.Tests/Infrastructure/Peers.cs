namespace DanVan.Plugins.Interop.Tests.Infrastructure;

/// <summary>
/// The stock gRPC peers in tests/peers: how to start each one, and a one-time
/// <c>.ci/setup.sh</c> run when something they need is missing.
/// </summary>
internal static class Peers
{
    public const string Python = "python";
    public const string Node = "node";

    /// <summary>Debian's grpcio is importable only from this interpreter.</summary>
    public const string PythonExe = "/usr/bin/python3";

    public static readonly IReadOnlyList<string> All = [Python, Node];

    private static readonly SemaphoreSlim SetupLock = new(1, 1);
    private static bool _setupDone;

    /// <summary>Runs <c>bash .ci/setup.sh</c> once per test run if a peer binary, package or proto is missing.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (_setupDone || MissingPrerequisites().Count == 0)
        {
            return;
        }

        await SetupLock.WaitAsync();
        try
        {
            if (_setupDone)
            {
                return;
            }

            var missing = MissingPrerequisites();
            if (missing.Count > 0)
            {
                var result = await PeerRun.RunAsync("bash", [System.IO.Path.Combine(RepoRoot.Path, ".ci", "setup.sh")], TimeSpan.FromMinutes(10));
                if (result.ExitCode != 0 || result.TimedOut)
                {
                    throw new InvalidOperationException(
                        $"Peers missing ({string.Join(", ", missing)}) and .ci/setup.sh failed (exit {result.ExitCode}, timed out {result.TimedOut}):\n{result.Stdout}\n{result.Stderr}");
                }

                missing = MissingPrerequisites();
                if (missing.Count > 0)
                {
                    throw new InvalidOperationException($".ci/setup.sh ran but these are still missing: {string.Join(", ", missing)}");
                }
            }

            _setupDone = true;
        }
        finally
        {
            SetupLock.Release();
        }
    }

    /// <summary>The executable and arguments of a peer's interop server on a free port.</summary>
    public static (string FileName, string[] Arguments) ServerCommand(string peer) => peer switch
    {
        Python => (PythonExe, [Script("python", "interop_server.py"), "--port", "0"]),
        Node => ("node", [Script("node", "interop_server.js"), "--port", "0"]),
        _ => throw new ArgumentOutOfRangeException(nameof(peer), peer, "Unknown peer."),
    };

    /// <summary>The executable and arguments of a peer's interop client running every scenario.</summary>
    public static (string FileName, string[] Arguments) ClientCommand(string peer, string target) => peer switch
    {
        Python => (PythonExe, [Script("python", "interop_client.py"), "--target", target, "--scenario", "all"]),
        Node => ("node", [Script("node", "interop_client.js"), "--target", target, "--scenario", "all"]),
        _ => throw new ArgumentOutOfRangeException(nameof(peer), peer, "Unknown peer."),
    };

    public static string Script(string folder, string name) => System.IO.Path.Combine(RepoRoot.Peers, folder, name);

    private static List<string> MissingPrerequisites()
    {
        var missing = new List<string>();
        if (!File.Exists(PythonExe))
        {
            missing.Add(PythonExe);
        }

        if (FindOnPath("node") is null)
        {
            missing.Add("node on PATH");
        }

        foreach (var path in new[]
        {
            "/usr/lib/python3/dist-packages/grpc/__init__.py",
            "/usr/lib/python3/dist-packages/grpc_tools",
            "/usr/share/grpc-proto/grpc/health/v1/health.proto",
            System.IO.Path.Combine(RepoRoot.Peers, "node_modules", "@grpc", "grpc-js", "package.json"),
            System.IO.Path.Combine(RepoRoot.Peers, "node_modules", "@grpc", "proto-loader", "package.json"),
            System.IO.Path.Combine(RepoRoot.Peers, "node_modules", "grpc-js-reflection-client", "package.json"),
        })
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                missing.Add(path);
            }
        }

        return missing;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
