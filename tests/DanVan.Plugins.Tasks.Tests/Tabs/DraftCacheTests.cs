using DanVan.Plugins.Tasks.Extraction;
using DanVan.Plugins.Tasks.Review;

namespace DanVan.Plugins.Tasks.Tests.Tabs;

public sealed class DraftCacheTests
{
    private static readonly DirectiveDraft Draft = DirectiveDraft.Empty("");

    [Fact]
    public void Bounded_LeastRecentlyUsedGoesFirst()
    {
        var cache = new DraftCache(capacity: 2);
        cache.Put("a", "ta", Draft);
        cache.Put("b", "tb", Draft);
        Assert.NotNull(cache.Find("a")); // a is now the most recent
        cache.Put("c", "tc", Draft);

        Assert.Equal(2, cache.Count);
        Assert.NotNull(cache.Find("a"));
        Assert.Null(cache.Find("b"));
        Assert.NotNull(cache.Find("c"));
    }

    [Fact]
    public void ChangedText_IsAMiss_SoAnUpdatedDocumentIsExtractedAgain()
    {
        var cache = new DraftCache();
        cache.Put("a", "bản cũ", Draft);

        Assert.Null(cache.Find("a", "bản mới"));
        Assert.Same(Draft, cache.Find("a", "bản cũ"));
    }
}
