using DanVan.Plugins.Contracts.Runtime.V1;

namespace DanVan.Plugins;

/// <summary>
/// Gives a plugin's tabs their badge (a count with a colour and a Vietnamese tooltip), e.g.
/// "3 nhiệm vụ quá hạn". Implementations in the plugin's assembly are registered by the runtime's scan
/// (after those the plugin registers itself, see <see cref="IPlugin.ConfigureServices"/>); the runtime asks every
/// provider of the plugin for every tab it lists, in parallel, and shows the first badge returned
/// in registration order. The answer must be fast: a provider that throws or does not answer within
/// the runtime's badge timeout (<c>PluginRuntimeOptions.BadgeTimeout</c>, 500 ms by default) leaves
/// the tab without a badge; the tab list never fails because of a badge.
/// </summary>
public interface ITabBadgeProvider
{
    /// <summary>
    /// The badge for <paramref name="tab"/> (check <see cref="TabRequest.TabId"/>), or null for none
    /// (also for tabs this provider does not know). A badge with a count below 1 is not shown.
    /// <see cref="TabRequest.Token"/> is the token the listed tab will carry.
    /// </summary>
    ValueTask<TabBadge?> GetBadgeAsync(TabRequest tab, CancellationToken cancellationToken);
}
