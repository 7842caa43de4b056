namespace DanVan.Plugins.Storage.Migrations;

/// <summary>One row of danvan_migrations.</summary>
internal sealed record AppliedMigration(int Number, string Name, string PluginVersion, bool RollbackSafe);
