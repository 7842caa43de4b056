namespace DanVan.Plugins.Browser.Tests.Infrastructure;

/// <summary>One notification as the e-office's "Thông báo" page shows it to the signed-in officer.</summary>
internal sealed record InboxEntry(string Title, string Body);
