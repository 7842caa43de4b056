namespace DanVan.Plugins.Data;

/// <summary>
/// The plugin's migrations: the implementation in the plugin's assembly is registered by the runtime's scan,
/// or by hand (<c>services.AddSingleton&lt;IPluginMigrations, MyMigrations&gt;()</c>).
/// Each version lists every migration it knows, old ones included.
/// </summary>
public interface IPluginMigrations
{
    /// <summary>All migrations, any order.</summary>
    IReadOnlyList<Migration> Migrations { get; }
}
