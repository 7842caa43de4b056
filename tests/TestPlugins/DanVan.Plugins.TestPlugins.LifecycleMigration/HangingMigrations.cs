using DanVan.Plugins.Data;

namespace DanVan.Plugins.TestPlugins.LifecycleMigration;

/// <summary>
/// Migrations whose listing hangs while the test holds a gate. The signals are core-library types
/// in AppDomain data, shared with the test across load contexts.
/// </summary>
internal sealed class HangingMigrations : IPluginMigrations
{
    public const string GateKey = "danvan.testplugins.lifecyclemigration.gate";
    public const string EnteredKey = "danvan.testplugins.lifecyclemigration.entered";

    public IReadOnlyList<Migration> Migrations
    {
        get
        {
            if (AppDomain.CurrentDomain.GetData(GateKey) is ManualResetEventSlim gate)
            {
                (AppDomain.CurrentDomain.GetData(EnteredKey) as ManualResetEventSlim)?.Set();
                gate.Wait();
            }

            return [new(1, "create_marks", "CREATE TABLE {table:marks} (id TEXT PRIMARY KEY);") { RollbackSafe = true }];
        }
    }
}
