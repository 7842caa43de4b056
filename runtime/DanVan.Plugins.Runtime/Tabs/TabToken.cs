namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>What a signed tab token says: which tab, for whom, on which screen, and when it was issued and expires.</summary>
internal sealed record TabToken(string PluginId, string TabId, string UserId, string OrgUnitId, string DocumentId, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The tab's id across plugins, as TabsService names it (Tab.id): <c>{pluginId}.{tabId}</c>.</summary>
    public string QualifiedTabId => TabIds.Qualify(PluginId, TabId);
}
