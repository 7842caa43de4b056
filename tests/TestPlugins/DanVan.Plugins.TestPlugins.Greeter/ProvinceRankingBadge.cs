using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>The province ranking's badge (7, info). Registered by the runtime's scan only: GreeterPlugin never names it.</summary>
internal sealed class ProvinceRankingBadge : ITabBadgeProvider
{
    public ValueTask<TabBadge?> GetBadgeAsync(TabRequest tab, CancellationToken cancellationToken) =>
        ValueTask.FromResult(tab.TabId == "province-ranking"
            ? new TabBadge { Count = 7, Severity = BadgeSeverity.Info, Tooltip = "7 đơn vị chưa báo cáo" }
            : null);
}
