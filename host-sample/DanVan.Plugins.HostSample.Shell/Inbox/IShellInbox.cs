namespace DanVan.Plugins.HostSample.Shell.Inbox;

/// <summary>
/// Where the shell reads an officer's in-app notifications from. The e-office keeps them itself
/// (plugins send them through danvan.host.v1 NotificationsService); the contract has no rpc to read
/// them back, so the host application that embeds the shell supplies this. Without one the shell
/// has no "Thông báo" page.
/// </summary>
public interface IShellInbox
{
    /// <summary>The notifications addressed to <paramref name="userId"/>, newest first.</summary>
    IReadOnlyList<InboxNotification> For(string userId);
}
