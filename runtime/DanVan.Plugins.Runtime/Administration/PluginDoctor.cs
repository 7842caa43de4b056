using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Runtime.Management;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>Turns a plugin's status into the diagnostic <c>doctor</c> shows provincial IT.</summary>
internal static class PluginDoctor
{
    public static Diagnostic Diagnose(PluginStatus plugin)
    {
        var diagnostic = new Diagnostic { PluginId = plugin.Id, PluginVersion = plugin.ActiveVersion ?? "" };
        if (plugin.State == Management.PluginState.Quarantined)
        {
            diagnostic.Severity = DiagnosticSeverity.Error;
            diagnostic.Code = "QUARANTINED";
            diagnostic.Message = plugin.Reason ?? "";
        }
        else if (plugin.LastUnload is { } unload && unload.Contains("NOT collected", StringComparison.Ordinal))
        {
            diagnostic.Severity = DiagnosticSeverity.Warning;
            diagnostic.Code = "CONTEXT_LEAK";
            diagnostic.Message = unload;
        }
        else
        {
            diagnostic.Severity = DiagnosticSeverity.Info;
            diagnostic.Code = plugin.State.ToString().ToUpperInvariant();
            diagnostic.Message = plugin.LastUnload ?? plugin.Reason ?? "OK";
        }

        return diagnostic;
    }
}
