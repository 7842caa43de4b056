using DanVan.Plugins.Data;

namespace DanVan.Plugins.TestPlugins.Ledger;

/// <summary>What each test version of the plugin declares (see the project file).</summary>
internal sealed class LedgerMigrations(string version) : IPluginMigrations
{
    public IReadOnlyList<Migration> Migrations { get; } = For(version);

    private static List<Migration> For(string version)
    {
        var major = int.Parse(version.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
        var list = new List<Migration>
        {
            new(1, "create_entries", "CREATE TABLE {table:entries} (id TEXT PRIMARY KEY, title TEXT NOT NULL, title_folded TEXT NULL, note TEXT NULL, version BIGINT NOT NULL);") { RollbackSafe = true },
        };
        if (major >= 2)
        {
            list.Add(new(2, "add_entry_tags", "CREATE TABLE {table:entry_tags} (entry_id TEXT NOT NULL, tag TEXT NOT NULL); CREATE INDEX {name:ix_entries_title_folded} ON {table:entries} (title_folded);") { RollbackSafe = true });
        }

        if (version == "2.9.0")
        {
            list.Add(new(3, "broken", "INSERT INTO {table:entries} (id, title, version) VALUES ('from-broken-migration', 'x', 1); ALTER TABLE {table:missing_table} ADD COLUMN x TEXT;"));
        }
        else if (major >= 3)
        {
            list.Add(new(3, "entries_require_category", "ALTER TABLE {table:entries} ADD COLUMN category TEXT NOT NULL DEFAULT 'chung';") { RollbackSafe = false });
        }

        return list;
    }
}
