namespace DanVan.Plugins.HostSample.Shell.Inbox;

/// <summary>One notification as an officer sees it in the e-office's "Thông báo" page.</summary>
/// <param name="Time">When the e-office accepted it.</param>
/// <param name="Title">Its title, as the plugin wrote it.</param>
/// <param name="Body">Its text.</param>
/// <param name="Link">Where it leads (a deep link), or null.</param>
/// <param name="Urgent">True for warnings and urgent notices (shown highlighted).</param>
/// <param name="Source">The plugin that sent it, e.g. <c>danvan.tasks</c>.</param>
public sealed record InboxNotification(DateTimeOffset Time, string Title, string Body, string? Link, bool Urgent, string Source);
