namespace DanVan.Plugins.Browser.Tests.Infrastructure;

/// <summary>One browser and one running demo shared by every browser test (starting them is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<DemoFixture>
{
    public const string Name = "demo";
}
