using System.Globalization;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Tasks.Access;
using DanVan.Plugins.Tasks.Assignments;
using DanVan.Plugins.Tasks.Storage;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>The unit tab's badge: overdue assignments (critical), else those due soon (warning), else none; none for an officer who may not read the unit. Never throws.</summary>
internal sealed class UnitTasksBadge(TaskStore store, TasksOptions options, OfficerAccess access, ILogger<UnitTasksBadge> logger) : ITabBadgeProvider
{
    public async ValueTask<TabBadge?> GetBadgeAsync(TabRequest tab, CancellationToken cancellationToken)
    {
        if (tab.TabId != UnitTasksTab.TabId)
        {
            return null;
        }

        try
        {
            if (!(await access.GetAsync(tab.UserId, cancellationToken).ConfigureAwait(false)).CanRead(tab.OrgUnitId))
            {
                return null;
            }

            var rows = await store.ForUnitAsync(tab.OrgUnitId, options.DueSoonDays, cancellationToken).ConfigureAwait(false);
            var overdue = rows.Count(r => r.Status == AssignmentStatus.Overdue);
            var soon = rows.Count(r => r.Status == AssignmentStatus.DueSoon);
            var c = CultureInfo.InvariantCulture;
            return overdue > 0 ? new TabBadge { Count = overdue, Severity = BadgeSeverity.Critical, Tooltip = string.Create(c, $"{overdue} việc quá hạn") }
                : soon > 0 ? new TabBadge { Count = soon, Severity = BadgeSeverity.Warning, Tooltip = string.Create(c, $"{soon} việc sắp đến hạn") }
                : null;
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "No badge for unit {UnitId}", tab.OrgUnitId);
            return null;
        }
    }
}
