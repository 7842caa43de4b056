using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins.TestPlugins.Greeter;

/// <summary>The leader report's badge (2, critical), except that it throws for unit "xa-loi" and never answers for unit "xa-cham".</summary>
internal sealed class UnreliableBadgeProvider : ITabBadgeProvider
{
    public async ValueTask<TabBadge?> GetBadgeAsync(TabRequest tab, CancellationToken cancellationToken)
    {
        if (tab.TabId != "leader-report")
        {
            return null;
        }

        switch (tab.OrgUnitId)
        {
            case "xa-loi":
                throw new InvalidOperationException("Cố ý lỗi khi đếm.");
            case "xa-cham":
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }

        return new TabBadge { Count = 2, Severity = BadgeSeverity.Critical, Tooltip = "2 báo cáo quá hạn" };
    }
}
