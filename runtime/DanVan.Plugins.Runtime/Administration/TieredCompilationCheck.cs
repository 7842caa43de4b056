using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>
/// A runtime-wide <c>doctor</c> finding: with tiered compilation on, the CLR keeps about 9 KiB of
/// native memory for every plugin version it unloads (bench/runtime.sh, part "bare"), so a runtime
/// that upgrades plugins often should run without it, as the runtime server does.
/// </summary>
internal static class TieredCompilationCheck
{
    public const string Code = "TIERED_COMPILATION_ON";

    /// <summary>The finding for this process, or null when tiered compilation is off.</summary>
    public static Diagnostic? Diagnose() =>
        IsOn(Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? Environment.GetEnvironmentVariable("COMPlus_TieredCompilation"),
             AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out var on) ? on : null)
            ? new Diagnostic
            {
                Severity = DiagnosticSeverity.Warning,
                Code = Code,
                Message = "Runtime đang bật tiered compilation: mỗi lần gỡ một phiên bản plugin, CLR giữ lại khoảng 9 KiB bộ nhớ native. "
                    + "Nếu nâng cấp plugin thường xuyên, hãy chạy với DOTNET_TieredCompilation=0 (như DanVan.Plugins.Runtime.Server).",
            }
            : null;

    /// <summary>The CLR's precedence: the environment variable, then runtimeconfig.json, then on by default.</summary>
    internal static bool IsOn(string? environment, bool? runtimeConfig) =>
        environment is { Length: > 0 } value ? value.Trim() != "0" : runtimeConfig ?? true;
}
