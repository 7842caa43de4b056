using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins.HostSample.Shell.Tabs;

/// <summary>
/// One plugin tab an officer has open, kept on the host's server: the browser only ever sees
/// <c>/tien-ich/{Key}/…</c> on the host's origin, and the host adds the runtime's signed token
/// when it forwards the request. So tabs work with third-party cookies blocked and the token
/// never sits in the browser's history.
/// </summary>
internal sealed class TabSession(string key, string userId, Tab tab, TabContext context, string basePath)
{
    private readonly Lock _gate = new();
    private string _token = tab.Token;
    private DateTimeOffset _expireTime = tab.ExpireTime?.ToDateTimeOffset() ?? DateTimeOffset.MinValue;

    public string Key { get; } = key;

    public string UserId { get; } = userId;

    public string TabId { get; } = tab.Id;

    public string PluginId { get; } = tab.PluginId;

    public string Title { get; } = tab.Title;

    public TabContext Context { get; } = context;

    /// <summary>The runtime's path for the tab page, e.g. <c>/tabs/tasks/document-tasks/</c>.</summary>
    public string BasePath { get; } = basePath;

    public (string Token, DateTimeOffset ExpireTime) Current
    {
        get
        {
            lock (_gate)
            {
                return (_token, _expireTime);
            }
        }
    }

    public void Renew(string token, DateTimeOffset expireTime)
    {
        lock (_gate)
        {
            _token = token;
            _expireTime = expireTime;
        }
    }
}
