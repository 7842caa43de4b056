using Google.Protobuf;

namespace DanVan.Plugins.HostSample.Paging;

/// <summary>One page of a filtered, ordered list.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken, int TotalSize)
{
    /// <summary>Cuts the page out of <paramref name="all"/> for the request's paging fields.</summary>
    public static Page<T> Of(IReadOnlyList<T> all, int pageSize, string pageToken, int defaultSize, IMessage filters)
    {
        var size = PageTokens.PageSize(pageSize, defaultSize);
        var offset = PageTokens.Offset(pageToken, filters);
        var items = all.Skip(offset).Take(size).ToList();
        return new Page<T>(items, PageTokens.Next(offset + items.Count, all.Count, filters), all.Count);
    }
}
