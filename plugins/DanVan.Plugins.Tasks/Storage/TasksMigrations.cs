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
        new(2, "add_reports_and_extensions", """
            ALTER TABLE {table:tasks} ADD COLUMN issuer_unit_id TEXT NULL;
            ALTER TABLE {table:assignments} ADD COLUMN progress_percent INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE {table:assignments} ADD COLUMN original_due_date DATE NULL;
            CREATE TABLE {table:reports} (
                id UUID PRIMARY KEY,
                assignment_id UUID NOT NULL,
                text TEXT NOT NULL,
                percent INTEGER NOT NULL,
                evidence TEXT NOT NULL,
                submitted_by TEXT NOT NULL,
                submitted_unit_id TEXT NOT NULL,
                submitted_at TIMESTAMPTZ NOT NULL,
                state INTEGER NOT NULL,
                reviewed_by TEXT NULL,
                reviewed_at TIMESTAMPTZ NULL,
                review_reason TEXT NULL,
                version BIGINT NOT NULL);
            CREATE INDEX {name:ix_reports_assignment} ON {table:reports} (assignment_id, submitted_at);
            CREATE TABLE {table:extensions} (
                id UUID PRIMARY KEY,
                assignment_id UUID NOT NULL,
                requested_due DATE NOT NULL,
                reason TEXT NOT NULL,
                requested_by TEXT NOT NULL,
                requested_at TIMESTAMPTZ NOT NULL,
                state INTEGER NOT NULL,
                decided_by TEXT NULL,
                decided_at TIMESTAMPTZ NULL,
                decision_reason TEXT NULL,
                version BIGINT NOT NULL);
            CREATE INDEX {name:ix_extensions_assignment} ON {table:extensions} (assignment_id, requested_at);
            """) { RollbackSafe = true },

        // The province dashboard (Rollup/RollupSql): covering indexes whose leading columns are the
        // roll-up's GROUP BY (unit, or task and period; then state and due date), so counting streams
        // one index without reading the table or sorting. Indexes only: older versions run unchanged.
        new(3, "add_rollup_indexes", """
            CREATE INDEX {name:ix_assignments_rollup_unit} ON {table:assignments} (unit_id, state, due_date, completed_at, period_key, task_id);
            CREATE INDEX {name:ix_assignments_rollup_task} ON {table:assignments} (task_id, period_key, state, due_date, completed_at, unit_id);
            """) { RollbackSafe = true },
        new(4, "add_task_followers", """
            ALTER TABLE {table:tasks} ADD COLUMN follower_unit_ids TEXT NOT NULL DEFAULT '';
            """) { RollbackSafe = true },
    ];
}
