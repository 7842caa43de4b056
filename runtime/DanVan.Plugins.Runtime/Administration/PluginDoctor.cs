using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Runtime.Management;
using Google.Protobuf.WellKnownTypes;

namespace DanVan.Plugins.Runtime.Administration;

/// <summary>Turns a plugin's status, or a leaked version, into the diagnostic <c>doctor</c> shows provincial IT.</summary>
internal static class PluginDoctor
{
    public const string LeakCode = "LOAD_CONTEXT_LEAKED";

    public static Diagnostic Diagnose(PluginStatus plugin)
    {
        var diagnostic = new Diagnostic { PluginId = plugin.Id, PluginVersion = plugin.ActiveVersion ?? "" };
        if (plugin.State == Management.PluginState.Quarantined)
        {
            diagnostic.Severity = DiagnosticSeverity.Error;
            diagnostic.Code = "QUARANTINED";
            diagnostic.Message = plugin.Reason ?? "";
        }
        else
        {
            // A version still in memory is its own LOAD_CONTEXT_LEAKED finding (see the other overload).
            diagnostic.Severity = DiagnosticSeverity.Info;
            diagnostic.Code = plugin.State.ToString().ToUpperInvariant();
            diagnostic.Message = plugin.LastUnload ?? plugin.Reason ?? "OK";
        }

        return diagnostic;
    }

    public static Diagnostic Diagnose(LeakedVersion leak)
    {
        var report = leak.Report;
        var context = new LeakedContext
        {
            ContextName = leak.ContextName,
            PluginId = report.PluginId,
            PluginVersion = report.Version,
            UnloadRequestTime = Timestamp.FromDateTimeOffset(leak.UnloadRequestTime),
            CollectionAttempts = leak.CollectionAttempts,
        };
        context.HoldingTypeNames.AddRange(HoldingTypes(report.HoldingPaths));
        var holders = report.HoldingPaths.Count == 0
            ? "Không xác định được đối tượng nào giữ nó (ảnh chụp bộ nhớ bị tắt hoặc không chụp được)."
            : "Bị giữ bởi: " + string.Join(" | ", report.HoldingPaths) + ".";
        return new Diagnostic
        {
            Severity = DiagnosticSeverity.Warning,
            Code = LeakCode,
            PluginId = report.PluginId,
            PluginVersion = report.Version,
            Message = $"Phiên bản {report.Version} của plugin {report.PluginId} đã được gỡ nhưng vẫn còn trong bộ nhớ sau {leak.CollectionAttempts} lần thu gom rác. "
                + holders + " Các lệnh gọi không bị ảnh hưởng; hãy báo nhà cung cấp plugin, và khởi động lại runtime khi thuận tiện để giải phóng bộ nhớ.",
            LeakedContext = context,
        };
    }

    /// <summary>The type names along the GC-root paths ("StrongHandle: A → B → … → C"), each once, root side first.</summary>
    private static IEnumerable<string> HoldingTypes(IReadOnlyList<string> paths) =>
        paths.SelectMany(path =>
            {
                var colon = path.IndexOf(": ", StringComparison.Ordinal);
                return (colon < 0 ? path : path[(colon + 2)..]).Split(" → ");
            })
            .Where(name => name.Length > 0 && name != "…" && name != "?")
            .Distinct(StringComparer.Ordinal);
}
