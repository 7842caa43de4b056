namespace DanVan.Plugins.Data;

/// <summary>
/// The plugin's migrations, registered in its services (<c>services.AddSingleton&lt;IPluginMigrations, MyMigrations&gt;()</c>).
/// Each version lists every migration it knows, old ones included.
/// </summary>
public interface IPluginMigrations
{
    /// <summary>All migrations, any order.</summary>
    IReadOnlyList<Migration> Migrations { get; }
}
