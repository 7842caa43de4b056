namespace DanVan.Plugins.Conformance.Infrastructure;

/// <summary>Every conformance test class shares the started hosts.</summary>
[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceHosts>
{
    public const string Name = "conformance";
}
