namespace DanVan.Plugins.Storage.Migrations;

/// <summary>What activating a plugin version did to its schema.</summary>
/// <param name="Applied">The migrations applied now, as "number name".</param>
/// <param name="IrreversibleApplied">Those of them that are not rollback-safe: older versions can no longer be activated.</param>
public sealed record MigrationOutcome(IReadOnlyList<string> Applied, IReadOnlyList<string> IrreversibleApplied);
