namespace DanVan.Plugins.Jobs.Tests.Infrastructure;

/// <summary>Every database test shares the one PostgreSQL cluster of the run.</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "database";
}
