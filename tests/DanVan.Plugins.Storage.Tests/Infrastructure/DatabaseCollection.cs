namespace DanVan.Plugins.Storage.Tests.Infrastructure;

/// <summary>Every storage test class shares the run's PostgreSQL cluster.</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "databases";
}
