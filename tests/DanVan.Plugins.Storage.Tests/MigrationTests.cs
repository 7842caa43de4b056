using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Migrations;
using DanVan.Plugins.Storage.Tests.Infrastructure;

namespace DanVan.Plugins.Storage.Tests;

public sealed class MigrationTests(PostgresCluster cluster) : StorageTestBase(cluster)
{
    private static readonly Migration AddNote = new(5, "add_counter_note", "ALTER TABLE {table:counters} ADD COLUMN note TEXT NULL;") { RollbackSafe = true };

    private static readonly Migration DropValue = new(6, "rename_counter_value", "ALTER TABLE {table:counters} RENAME COLUMN value TO amount;") { RollbackSafe = false };

    private static readonly Migration Broken = new(6, "broken", """
        INSERT INTO {table:counters} (name, value) VALUES ('from-migration', 1);
        ALTER TABLE {table:counters} ADD COLUMN extra TEXT NULL;
        ALTER TABLE {table:no_such_table} ADD COLUMN x TEXT NULL;
        """);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_apply_in_order_once_and_again_on_restart_do_nothing(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider, migrate: false);
        IReadOnlyList<Migration> shuffled = [TestMigrations.Counters, TestMigrations.Reports, TestMigrations.Directives, TestMigrations.Assignments];

        var first = await db.Storage.MigrateAsync(TestDatabase.PluginId, "1.0.0", shuffled);
        var again = await db.Storage.MigrateAsync(TestDatabase.PluginId, "1.0.0", shuffled);
        var restarted = new PluginStorage(db.Connector, db.Clock);
        var afterRestart = await restarted.MigrateAsync(TestDatabase.PluginId, "1.0.0", shuffled);

        Assert.Equal(["1 create_directives", "2 create_assignments", "3 create_reports", "4 create_counters"], first.Applied);
        Assert.Empty(again.Applied);
        Assert.Empty(afterRestart.Applied);
        await db.Data.InsertAsync(new Counter { Name = "c", Value = 1 }, Officer);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failing_migration_leaves_schema_and_data_as_they_were(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        await db.Data.InsertAsync(new Counter { Name = "kept", Value = 41 }, Officer);

        var error = await Assert.ThrowsAsync<MigrationException>(() => db.Storage.MigrateAsync(TestDatabase.PluginId, "2.0.0-bad", [.. TestMigrations.All, AddNote, Broken]));

        Assert.Contains("6 'broken'", error.Message);
        Assert.Contains("thất bại", error.Message);
        Assert.Contains("failed", error.Message);
        Assert.Equal(41, (await db.Data.FindAsync<Counter>("kept"))!.Value);
        Assert.Null(await db.Data.FindAsync<Counter>("from-migration"));
        // Migration 5 ran in the same transaction and was rolled back too: its column is absent.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Data.QueryAsync<Counter>("SELECT note FROM {table:counters}"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Data.QueryAsync<Counter>("SELECT extra FROM {table:counters}"));
        var ok = await db.Storage.MigrateAsync(TestDatabase.PluginId, "2.0.0", [.. TestMigrations.All, AddNote]);
        Assert.Equal(["5 add_counter_note"], ok.Applied);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rollback_is_allowed_past_rollback_safe_migrations_and_refused_past_others(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        await db.Storage.MigrateAsync(TestDatabase.PluginId, "1.1.0", [.. TestMigrations.All, AddNote]);

        // 1.0.0 does not know migration 5, which is rollback-safe: it may run again.
        Assert.Empty((await db.Storage.MigrateAsync(TestDatabase.PluginId, "1.0.0", TestMigrations.All)).Applied);
        await db.Data.InsertAsync(new Counter { Name = "written-by-1.0.0", Value = 1 }, Officer);

        var upgrade = await db.Storage.MigrateAsync(TestDatabase.PluginId, "2.0.0", [.. TestMigrations.All, AddNote, DropValue]);
        Assert.Equal(["6 rename_counter_value"], upgrade.IrreversibleApplied);

        var refused = await Assert.ThrowsAsync<MigrationException>(() => db.Storage.MigrateAsync(TestDatabase.PluginId, "1.1.0", [.. TestMigrations.All, AddNote]));
        Assert.Contains("6 'rename_counter_value' (2.0.0)", refused.Message);
        Assert.Contains("không an toàn khi quay lui", refused.Message);
        Assert.Contains("not rollback-safe", refused.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_renamed_migration_number_is_refused(StorageProvider provider)
    {
        await using var db = await OpenAsync(provider);
        var error = await Assert.ThrowsAsync<MigrationException>(() => db.Storage.MigrateAsync(TestDatabase.PluginId, "1.0.1",
            [TestMigrations.Directives, TestMigrations.Assignments, TestMigrations.Reports, new Migration(4, "create_counts", "SELECT 1")]));
        Assert.Contains("'create_counters'", error.Message);
    }
}
