namespace DanVan.Plugins.Runtime.Tabs;

/// <summary>
/// Which manifest tabs a screen shows. A document screen (document id set) shows <c>document</c> tabs; a
/// unit screen shows <c>unit</c> and <c>province</c> tabs (a province-wide view is opened from a unit's
/// screen). A tab with a <see cref="PluginTab.RequiredRole"/> shows only when the officer holds that role
/// in the screen's unit (a RoleAssignment for that org unit), so e.g. a province tab requiring
/// <c>home-affairs-appraiser</c> appears on Sở Nội vụ's screen for its appraisers and nowhere else. Without
/// a known user (no host directory configured) tabs requiring a role are hidden.
/// </summary>
internal static class TabVisibility
{
    public const string Document = "document";
    public const string Unit = "unit";
    public const string Province = "province";

    public static bool Shows(PluginTab tab, bool documentScreen, IReadOnlySet<string>? rolesInUnit)
    {
        var contextMatches = documentScreen
            ? tab.Contexts.Contains(Document, StringComparer.Ordinal)
            : tab.Contexts.Contains(Unit, StringComparer.Ordinal) || tab.Contexts.Contains(Province, StringComparer.Ordinal);
        if (!contextMatches)
        {
            return false;
        }

        return tab.RequiredRole is null || (rolesInUnit is not null && rolesInUnit.Contains(TabRoles.Normalize(tab.RequiredRole)));
    }
}
