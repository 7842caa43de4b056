namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>
/// Tab ids across plugins: <c>{pluginId}.{tabId}</c>, e.g. <c>danvan.tasks.document-tasks</c>. Manifest tab
/// ids have no dots, so the last dot separates the two unambiguously.
/// </summary>
internal static class TabIds
{
    public static string Qualify(string pluginId, string tabId) => pluginId + "." + tabId;

    public static bool TrySplit(string qualified, out string pluginId, out string tabId)
    {
        var dot = qualified.LastIndexOf('.');
        pluginId = dot > 0 ? qualified[..dot] : "";
        tabId = dot > 0 ? qualified[(dot + 1)..] : "";
        return pluginId.Length > 0 && tabId.Length > 0;
    }
}
