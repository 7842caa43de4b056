namespace DanVan.Plugins.Contracts.Tests;

/// <summary>Exit code and combined output of a finished process.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything worth showing when an assertion fails.</summary>
    public override string ToString() =>
        $"$ {CommandLine}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}" +
        $"--- stdout ---{Environment.NewLine}{StandardOutput}{Environment.NewLine}" +
        $"--- stderr ---{Environment.NewLine}{StandardError}";
}
