using DanVan.Plugins.Data;
using DanVan.Plugins.Storage;

// Usage: CrashWriter <Sqlite|Postgres> <connection string>
// Each batch n is one transaction of three rows ("n-a", "n-b", "n-c"); "committed n" is printed
// only after CommitAsync returned, so every printed batch must survive a kill -9.
var provider = Enum.Parse<StorageProvider>(args[0]);
await using var connector = DatabaseConnector.Create(new StorageOptions { Provider = provider, ConnectionString = args[1] }, Path.GetTempPath());
var storage = new PluginStorage(connector, TimeProvider.System);
await storage.MigrateAsync("danvan.crash", "1.0.0", [new Migration(1, "create_entries", "CREATE TABLE {table:entries} (id TEXT PRIMARY KEY, batch BIGINT NOT NULL, body TEXT NOT NULL, version BIGINT NOT NULL);")]);
var data = storage.CreateData("danvan.crash");
var who = new ChangeContext("crash-writer", "unit-test");
Console.WriteLine("ready");
for (long batch = 1; ; batch++)
{
    await using var tx = await data.BeginAsync();
    foreach (var part in new[] { "a", "b", "c" })
    {
        await tx.InsertAsync(new Entry { Id = $"{batch}-{part}", Batch = batch, Body = new string('x', 2000) + "Bản ghi " + batch }, who);
    }

    await tx.CommitAsync();
    Console.WriteLine($"committed {batch}");
}

[Record("entries")]
internal sealed class Entry
{
    [Key]
    public string Id { get; set; } = "";

    public long Batch { get; set; }

    public string Body { get; set; } = "";

    [ConcurrencyVersion]
    public long Version { get; set; }
}
