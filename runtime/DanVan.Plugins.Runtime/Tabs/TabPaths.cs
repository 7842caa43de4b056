namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>The tab page URL scheme: <c>/tabs/{pluginId}/{tabId}/{rest}?dvt={token}</c>.</summary>
internal static class TabPaths
{
    public const string RoutePattern = "/tabs/{pluginId}/{tabId}/{**rest}";

    public static string BasePath(string pluginId, string tabId, string pathPrefix) =>
        $"{pathPrefix.TrimEnd('/')}/tabs/{Uri.EscapeDataString(pluginId)}/{Uri.EscapeDataString(tabId)}/";

    public static string PageUrl(string pluginId, string tabId, string token) =>
        $"{BasePath(pluginId, tabId, "")}?{TabRequest.TokenQueryName}={Uri.EscapeDataString(token)}";
}
