using DanVan.Plugins.Data;
using DanVan.Plugins.Storage.Migrations;
using DanVan.Plugins.Storage.Records;

namespace DanVan.Plugins.Storage;

/// <summary>
/// The runtime's storage service: one per runtime, over its one <see cref="DatabaseConnector"/>.
/// Makes each plugin version's <see cref="IPluginData"/> and applies its migrations.
/// </summary>
public sealed class PluginStorage
{
    private readonly TimeProvider _time;
    private readonly PluginMigrator _migrator;
    private readonly Lazy<Task> _ready;

    /// <summary>Creates the service; the runtime's own tables are created on first use.</summary>
    public PluginStorage(DatabaseConnector connector, TimeProvider time)
    {
        Connector = connector ?? throw new ArgumentNullException(nameof(connector));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _migrator = new PluginMigrator(connector, time);
        _ready = new Lazy<Task>(() => RuntimeTables.EnsureAsync(connector));
    }

    /// <summary>The runtime's database.</summary>
    public DatabaseConnector Connector { get; }

    /// <summary>Creates the runtime's tables (danvan_migrations, danvan_audit) if missing.</summary>
    public Task EnsureReadyAsync() => _ready.Value;

    /// <summary>A plugin version's data API; dispose it with the plugin version.</summary>
    public IPluginData CreateData(string pluginId) => new PluginDataStore(Connector, pluginId, _time);

    /// <summary>Applies a plugin version's pending migrations in one transaction, or refuses (see <see cref="MigrationException"/>).</summary>
    public async Task<MigrationOutcome> MigrateAsync(string pluginId, string pluginVersion, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await EnsureReadyAsync().ConfigureAwait(false);
        return await _migrator.MigrateAsync(pluginId, pluginVersion, migrations, cancellationToken).ConfigureAwait(false);
    }
}
