using System.Globalization;
using DanVan.Plugins.Contracts.Runtime.V1;
using DanVan.Plugins.Tasks.Review;
using Microsoft.Extensions.Logging;

namespace DanVan.Plugins.Tasks.Tabs;

/// <summary>
/// The document tab's badge: how many items the document's draft has (info). Served from the draft
/// cache (filled ahead by the document events); on a miss, reads the document as the officer once.
/// Never throws: a tab without a badge is better than a slow or broken screen.
/// </summary>
internal sealed class DocumentTasksBadge(DraftCache cache, DocumentDrafts drafts, ILogger<DocumentTasksBadge> logger) : ITabBadgeProvider
{
    public async ValueTask<TabBadge?> GetBadgeAsync(TabRequest tab, CancellationToken cancellationToken)
    {
        if (tab.TabId != DocumentTasksTab.TabId || string.IsNullOrEmpty(tab.DocumentId))
        {
            return null;
        }

        try
        {
            var draft = cache.Find(tab.DocumentId)
                ?? drafts.DraftOf(await drafts.GetDocumentAsync(tab.DocumentId, tab.UserId, cancellationToken).ConfigureAwait(false));
            var count = draft.Items.Count;
            return count == 0 ? null : new TabBadge
            {
                Count = count,
                Severity = BadgeSeverity.Info,
                Tooltip = string.Create(CultureInfo.InvariantCulture, $"{count} nhiệm vụ trong văn bản"),
            };
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "No badge for document {DocumentId}", tab.DocumentId);
            return null;
        }
    }
}
