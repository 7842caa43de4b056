using System.Collections.Concurrent;
using System.Security.Cryptography;
using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins.HostSample.Shell.Tabs;

/// <summary>The open tabs of every signed-in officer; one entry per user, tab and screen.</summary>
internal sealed class TabSessionStore(TimeProvider time)
{
    // Sessions idle this long after their token expired are forgotten; the officer reloads the page.
    private static readonly TimeSpan Retention = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<string, TabSession> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _keyByScreen = new(StringComparer.Ordinal);

    public int Count => _byKey.Count;

    /// <summary>Records a tab just listed by the runtime and returns its session (the same key for the same screen).</summary>
    public TabSession Open(string userId, Tab tab, TabContext context)
    {
        Prune();
        var basePath = BasePathOf(tab.Url);
        var screen = string.Join('\u001f', userId, tab.Id, context.OrgUnitId, context.DocumentId);
        var key = _keyByScreen.GetOrAdd(screen, static _ => NewKey());
        var session = new TabSession(key, userId, tab, context, basePath);
        _byKey[key] = session;
        return session;
    }

    public TabSession? Find(string key) => _byKey.TryGetValue(key, out var session) ? session : null;

    /// <summary>The path part of the runtime's tab URL, without the token query.</summary>
    internal static string BasePathOf(string url)
    {
        // On Linux "/tabs/…" parses as an absolute file: URI, so insist on a web scheme.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            uri = new Uri(new Uri("http://runtime.invalid"), url);
        }

        var path = uri.AbsolutePath;
        return path.EndsWith('/') ? path : path + "/";
    }

    private static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - Retention;
        foreach (var (key, session) in _byKey)
        {
            if (session.Current.ExpireTime < cutoff && _byKey.TryRemove(key, out _))
            {
                var screen = string.Join('\u001f', session.UserId, session.TabId, session.Context.OrgUnitId, session.Context.DocumentId);
                _keyByScreen.TryRemove(new KeyValuePair<string, string>(screen, key));
            }
        }
    }
}
