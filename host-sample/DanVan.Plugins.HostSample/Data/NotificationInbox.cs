using DanVan.Plugins.HostSample.Shell.Inbox;

namespace DanVan.Plugins.HostSample.Data;

/// <summary>The web shell's "Thông báo" page reads the notifications this e-office accepted, per recipient (units were expanded to their officers on arrival).</summary>
internal sealed class NotificationInbox(NotificationStore store) : IShellInbox
{
    public IReadOnlyList<InboxNotification> For(string userId) =>
        [.. store.All()
            .Where(n => n.RecipientUserIds.Contains(userId, StringComparer.Ordinal))
            .OrderByDescending(n => n.CreateTime)
            .Select(n => new InboxNotification(n.CreateTime, n.Title, n.Body, n.DeepLinkUrl, n.Severity is "Warning" or "Urgent", n.PluginId))];
}
