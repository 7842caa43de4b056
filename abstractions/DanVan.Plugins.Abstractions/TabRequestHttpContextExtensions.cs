using Microsoft.AspNetCore.Http;

namespace DanVan.Plugins;

/// <summary>Reaches the verified tab context from a tab page handler.</summary>
public static class TabRequestHttpContextExtensions
{
    /// <summary>The tab context of a request the runtime routed to a <see cref="IPluginEndpoints.MapTab"/> handler.</summary>
    /// <exception cref="InvalidOperationException">The request is not a tab page request.</exception>
    public static TabRequest GetTabRequest(this HttpContext context) =>
        TryGetTabRequest(context) ?? throw new InvalidOperationException("This request was not routed to a tab page by the DanVan runtime, so it has no tab context.");

    /// <summary>The tab context of the request, or null when it is not a tab page request.</summary>
    public static TabRequest? TryGetTabRequest(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<TabRequest>();
    }

    /// <summary>Attaches the tab context to a request; the runtime (and <c>PluginTestHost</c>) do this.</summary>
    public static void SetTabRequest(this HttpContext context, TabRequest tab)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Set(tab);
    }
}
