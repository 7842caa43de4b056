using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>Badges for the unit overview (3, warning) and the document tab (1, info).</summary>
internal sealed class CountingBadgeProvider : ITabBadgeProvider
{
    public ValueTask<TabBadge?> GetBadgeAsync(TabRequest tab, CancellationToken cancellationToken) => tab.TabId switch
    {
        "unit-overview" => ValueTask.FromResult<TabBadge?>(new TabBadge { Count = 3, Severity = BadgeSeverity.Warning, Tooltip = "3 nhiệm vụ sắp đến hạn" }),
        "document-info" => ValueTask.FromResult<TabBadge?>(new TabBadge { Count = 1, Severity = BadgeSeverity.Info, Tooltip = "1 văn bản mới" }),
        _ => ValueTask.FromResult<TabBadge?>(null),
    };
}
