using DanVan.Plugins.Data;

namespace DanVan.Plugins.Storage.Tests.Infrastructure;

/// <summary>Gives each test a fresh database of the kind its theory row names.</summary>
[Collection(DatabaseCollection.Name)]
public abstract class StorageTestBase(PostgresCluster cluster)
{
    protected static readonly ChangeContext Officer = new("u-nguyen-van-a", "unit-xa-tan-lap");

    public static TheoryData<StorageProvider> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    internal Task<TestDatabase> OpenAsync(StorageProvider provider, bool migrate = true) => TestDatabase.CreateAsync(provider, cluster, migrate);

    protected static Assignment NewAssignment(string title, string unit = "unit-xa-tan-lap", AssignmentStatus status = AssignmentStatus.New, long sequence = 0) => new()
    {
        Title = title,
        UnitId = unit,
        Status = status,
        DueDate = new DateOnly(2025, 11, 15),
        CreatedAt = new DateTimeOffset(2025, 10, 1, 8, 0, 0, TimeSpan.FromHours(7)),
        Sequence = sequence,
        Priority = 2,
    };
}
