using DanVan.Plugins.Data;

namespace DanVan.Plugins.Tasks.Storage;

/// <summary>The Tasks plugin's tables. Unique indexes make confirmation idempotent even under a double click.</summary>
internal sealed class TasksMigrations : IPluginMigrations
{
    public IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "create_tasks_and_assignments", """
            CREATE TABLE {table:tasks} (
                id UUID PRIMARY KEY,
                document_id TEXT NOT NULL,
                document_code TEXT NOT NULL,
                document_title TEXT NOT NULL,
                item_path TEXT NOT NULL,
                content TEXT NOT NULL,
                lead_unit_id TEXT NULL,
                cooperating_unit_ids TEXT NOT NULL,
                report_to_unit_id TEXT NULL,
                report_via_unit_id TEXT NULL,
                due_rule_text TEXT NOT NULL,
                due_kind TEXT NULL,
                due_day INTEGER NULL,
                due_month INTEGER NULL,
                due_period_month INTEGER NULL,
                created_by TEXT NOT NULL,
                created_by_unit TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL,
                version BIGINT NOT NULL);
            CREATE UNIQUE INDEX {name:ux_tasks_document_item} ON {table:tasks} (document_id, item_path);
            CREATE TABLE {table:assignments} (
                id UUID PRIMARY KEY,
                task_id UUID NOT NULL,
                unit_id TEXT NOT NULL,
                unit_name TEXT NOT NULL,
                period_key TEXT NOT NULL,
                due_date DATE NULL,
                state INTEGER NOT NULL,
                completed_at TIMESTAMPTZ NULL,
                version BIGINT NOT NULL);
            CREATE UNIQUE INDEX {name:ux_assignments_task_unit_period} ON {table:assignments} (task_id, unit_id, period_key);
            CREATE INDEX {name:ix_assignments_unit_due} ON {table:assignments} (unit_id, due_date);
            """) { RollbackSafe = true },
    ];
}
